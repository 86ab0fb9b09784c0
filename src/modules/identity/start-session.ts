import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { newSecretToken } from './secret-token.ts';
import { verifyCredentials } from './verify-credentials.ts';

/** Sessions end after 30 minutes without use, and after 12 hours whatever the activity. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;

export interface StartSessionOptions {
  readonly db: Db;
  readonly username: string;
  readonly password: string;
  readonly requestId: string | null;
  readonly now?: Date;
}

/** Page sign-in: checks the credentials and opens a session; returns the cookie value. */
export async function startSession(
  options: StartSessionOptions,
): Promise<{ token: string; staffId: string }> {
  const now = options.now ?? new Date();
  const staff = await verifyCredentials(options);
  const { token, hash } = newSecretToken('xs');
  await options.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hash,
        staff_id: staff.id,
        idle_expires_at: new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000),
        expires_at: new Date(now.getTime() + SESSION_MAX_HOURS * 3_600_000),
        ended_at: null,
      })
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: staff.id },
      action: 'identity.signed_in',
      unitId: null,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
      at: now,
    });
  });
  return { token, staffId: staff.id };
}
