import type { Db } from '../../database.ts';
import type { StaffActor } from './actor.ts';
import { loadActor } from './load-actor.ts';
import { hashSecretToken } from './secret-token.ts';
import { findStaffById } from './staff.repository.ts';

/** Bearer token → actor, or undefined when unknown, expired, revoked or the account is disabled. */
export async function resolveApiToken(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<StaffActor | undefined> {
  const now = options.now ?? new Date();
  const row = await options.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id_hash', '=', hashSecretToken(options.token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= now) {
    return undefined;
  }
  const staff = await findStaffById(options.db, row.staff_id);
  if (!staff || staff.is_disabled) {
    return undefined;
  }
  return loadActor(options.db, staff);
}
