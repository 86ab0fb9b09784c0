import { sql } from 'kysely';
import type { Db } from '../../database.ts';
import type { RoleOnUnit, StaffActor } from './actor.ts';
import { apiTokenCacheGeneration, recallApiTokenActor, rememberApiTokenActor } from './api-token-cache.ts';
import { hashSecretToken } from './secret-token.ts';

/**
 * Bearer token → actor, or undefined when unknown, expired, revoked or the account is disabled. Every API
 * request starts here, so the token, its staff member and their roles come in ONE round trip (the roles
 * ordered as listRolesOfStaff orders them: by unit path, then role), and a token resolved in the last few
 * seconds is answered from memory (api-token-cache.ts: what that delay means for revocation).
 */
export async function resolveApiToken(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<StaffActor | undefined> {
  const now = options.now ?? new Date();
  const tokenHash = hashSecretToken(options.token);
  const recalled = recallApiTokenActor(tokenHash, now);
  if (recalled) {
    return recalled;
  }
  const askedAt = apiTokenCacheGeneration();
  const row = await options.db
    .selectFrom('api_tokens')
    .innerJoin('staff', 'staff.id', 'api_tokens.staff_id')
    .select([
      'api_tokens.revoked_at',
      'api_tokens.expires_at',
      'staff.id',
      'staff.username',
      'staff.full_name',
      'staff.title',
      'staff.is_disabled',
    ])
    .select(
      sql<RoleOnUnit[]>`coalesce((
        select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitPath', u.path,
          'unitName', u.name) order by u.path, r.role)
        from staff_roles r join units u on u.id = r.unit_id where r.staff_id = staff.id), '[]'::json)`.as(
        'roles',
      ),
    )
    .where('api_tokens.id_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= now || row.is_disabled) {
    return undefined;
  }
  const actor: StaffActor = {
    kind: 'staff',
    staffId: row.id,
    username: row.username,
    fullName: row.full_name,
    title: row.title,
    roles: row.roles,
  };
  rememberApiTokenActor(tokenHash, actor, row.expires_at, askedAt, now);
  return actor;
}
