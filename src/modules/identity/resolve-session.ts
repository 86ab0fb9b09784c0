import type { Db } from '../../database.ts';
import type { StaffActor } from './actor.ts';
import { loadActor } from './load-actor.ts';
import { hashSecretToken } from './secret-token.ts';
import { findStaffById } from './staff.repository.ts';
import { SESSION_IDLE_MINUTES } from './start-session.ts';

export type SessionResolution =
  | { readonly status: 'active'; readonly actor: StaffActor; readonly sessionHash: string }
  | { readonly status: 'expired' }
  | { readonly status: 'unknown' };

/** Cookie value → the signed-in actor, sliding the idle deadline; expired and unknown are told apart. */
export async function resolveSession(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<SessionResolution> {
  const now = options.now ?? new Date();
  const hash = hashSecretToken(options.token);
  const session = await options.db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', hash)
    .executeTakeFirst();
  if (!session) {
    return { status: 'unknown' };
  }
  if (session.ended_at || session.expires_at <= now || session.idle_expires_at <= now) {
    return { status: 'expired' };
  }
  const staff = await findStaffById(options.db, session.staff_id);
  if (!staff || staff.is_disabled) {
    return { status: 'expired' };
  }
  const idle = new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000);
  // Slide at most once a minute, so ordinary browsing does not write on every request.
  if (idle.getTime() - session.idle_expires_at.getTime() > 60_000) {
    await options.db
      .updateTable('sessions')
      .set({ idle_expires_at: idle })
      .where('id_hash', '=', hash)
      .execute();
  }
  return { status: 'active', actor: await loadActor(options.db, staff), sessionHash: hash };
}
