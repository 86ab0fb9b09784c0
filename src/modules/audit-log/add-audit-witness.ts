import type { Db } from '../../database.ts';
import { parseCosignerVerifierKey } from '../../lib/tlog/index.ts';

/** Registers a witness (C2SP tlog-witness submission prefix and its cosigner verifier key). */
export async function addAuditWitness(options: {
  db: Db;
  url: string;
  verifierKey: string;
}): Promise<string> {
  const verifier = parseCosignerVerifierKey(options.verifierKey);
  await options.db
    .insertInto('audit_witnesses')
    .values({ name: verifier.name, url: options.url, verifier_key: options.verifierKey, size: 0 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ url: options.url, verifier_key: options.verifierKey }),
    )
    .execute();
  return verifier.name;
}
