import type { Db } from '../../database.ts';
import { hashSecretToken } from '../identity/secret-token.ts';
import { findCitizenById } from './citizen.repository.ts';
import type { CitizenActor } from './citizen-actor.ts';
import { CITIZEN_SESSION_IDLE_MINUTES } from './complete-citizen-sign-in.ts';

export type CitizenSessionResolution =
  | { readonly status: 'active'; readonly citizen: CitizenActor; readonly sessionHash: string }
  | { readonly status: 'expired' }
  | { readonly status: 'unknown' };

/** `xaso_citizen` cookie → the signed-in citizen, sliding the 30-minute idle deadline. */
export async function resolveCitizenSession(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<CitizenSessionResolution> {
  const now = options.now ?? new Date();
  const hash = hashSecretToken(options.token);
  const session = await options.db
    .selectFrom('citizen_sessions')
    .selectAll()
    .where('id_hash', '=', hash)
    .executeTakeFirst();
  if (!session) {
    return { status: 'unknown' };
  }
  if (session.ended_at || session.expires_at <= now || session.idle_expires_at <= now) {
    return { status: 'expired' };
  }
  const citizen = await findCitizenById(options.db, session.citizen_id);
  if (!citizen) {
    return { status: 'expired' };
  }
  const idle = new Date(now.getTime() + CITIZEN_SESSION_IDLE_MINUTES * 60_000);
  // Slide at most once a minute, so ordinary browsing does not write on every request.
  if (idle.getTime() - session.idle_expires_at.getTime() > 60_000) {
    await options.db
      .updateTable('citizen_sessions')
      .set({ idle_expires_at: idle })
      .where('id_hash', '=', hash)
      .execute();
  }
  return {
    status: 'active',
    sessionHash: hash,
    citizen: {
      kind: 'citizen',
      citizenId: citizen.id,
      fullName: citizen.full_name,
      personalIdentifier: citizen.personal_identifier,
      phone: citizen.phone,
      email: citizen.email,
    },
  };
}
