import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';

/**
 * The development provider's ID token signing key (ES256, P-256: RFC 7518 §3.4), generated once and kept in
 * the database so tokens stay verifiable across restarts. Two processes starting at once agree on the first
 * row written. (An RSA key would take a noticeable part of a second to generate at every fresh start.)
 */
export async function loadSigningKeys(db: Db): Promise<{ keys: Record<string, unknown>[] }> {
  const existing = await db.selectFrom('dev_oidc_keys').select('jwks').where('id', '=', 1).executeTakeFirst();
  if (existing) {
    return existing.jwks;
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'ES256', use: 'sig' };
  await db
    .insertInto('dev_oidc_keys')
    .values({ id: 1, jwks: JSON.stringify({ keys: [jwk] }) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const stored = await db
    .selectFrom('dev_oidc_keys')
    .select('jwks')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return stored.jwks;
}
