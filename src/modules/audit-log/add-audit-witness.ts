import type { Db } from '../../database.ts';
import { parseCosignerVerifierKey } from '../../lib/tlog/index.ts';
import { appendAuditEvent } from './append-audit-event.ts';

/**
 * Registers a witness (C2SP tlog-witness submission prefix and its cosigner verifier key), or replaces the
 * URL and key of the witness of that name; the change and its `audit.witness_added` event commit together.
 * An operator's command (`xaso audit witness add`), so the actor is the system.
 */
export async function addAuditWitness(options: {
  db: Db;
  url: string;
  verifierKey: string;
}): Promise<string> {
  const verifier = parseCosignerVerifierKey(options.verifierKey);
  await options.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('audit_witnesses')
      .values({ name: verifier.name, url: options.url, verifier_key: options.verifierKey, size: 0 })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ url: options.url, verifier_key: options.verifierKey }),
      )
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'system', id: null },
      action: 'audit.witness_added',
      unitId: null,
      subjectType: 'witness',
      subjectId: verifier.name,
      requestId: null,
      state: { name: verifier.name, url: options.url, verifierKey: options.verifierKey },
      details: { name: verifier.name, url: options.url },
    });
  });
  return verifier.name;
}
