import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';

/**
 * The development provider's ID token signing key (ES256, P-256: RFC 7518 §3.4), generated once and kept in
 * the database so tokens stay verifiable across restarts. Two processes starting at once agree on the first
 * row written. (An RSA key would take a noticeable part of a second to generate at every fresh start.)
 * The process that writes it appends `dev_oidc.key_created` in the same transaction (the key's id only).
 */
export async function loadSigningKeys(db: Db): Promise<{ keys: Record<string, unknown>[] }> {
  const existing = await db.selectFrom('dev_oidc_keys').select('jwks').where('id', '=', 1).executeTakeFirst();
  if (existing) {
    return existing.jwks;
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'ES256', use: 'sig' };
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('dev_oidc_keys')
      .values({ id: 1, jwks: JSON.stringify({ keys: [jwk] }) })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await appendAuditEvent(trx, {
        actor: { type: 'system', id: null },
        action: 'dev_oidc.key_created',
        unitId: null,
        subjectType: 'dev_oidc_key',
        subjectId: jwk.kid,
        requestId: null,
        details: { kid: jwk.kid, alg: 'ES256' },
      });
    }
  });
  const stored = await db
    .selectFrom('dev_oidc_keys')
    .select('jwks')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return stored.jwks;
}
