import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';

/**
 * The development provider's ID token signing key (RS256, which every OpenID Connect relying party must
 * accept: OIDC Core §15.1), generated once and kept in the database so tokens stay verifiable across
 * restarts. Two processes starting at once agree on the first row written.
 */
export async function loadSigningKeys(db: Db): Promise<{ keys: Record<string, unknown>[] }> {
  const existing = await db.selectFrom('dev_oidc_keys').select('jwks').where('id', '=', 1).executeTakeFirst();
  if (existing) {
    return existing.jwks;
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
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
