import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { newSecretToken } from './secret-token.ts';
import { verifyCredentials } from './verify-credentials.ts';

export const API_TOKEN_TTL_SECONDS = 3600;

/** `POST /api/v1/auth/token`: a bearer token for an API client signing in as a staff member. */
export async function issueApiToken(options: {
  db: Db;
  username: string;
  password: string;
  requestId: string | null;
  now?: Date;
}): Promise<{ accessToken: string; expiresIn: number }> {
  const now = options.now ?? new Date();
  const staff = await verifyCredentials(options);
  const { token, hash } = newSecretToken('xt');
  await options.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        id_hash: hash,
        staff_id: staff.id,
        expires_at: new Date(now.getTime() + API_TOKEN_TTL_SECONDS * 1000),
        revoked_at: null,
      })
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: staff.id },
      action: 'identity.token_issued',
      unitId: null,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
      at: now,
    });
  });
  return { accessToken: token, expiresIn: API_TOKEN_TTL_SECONDS };
}
