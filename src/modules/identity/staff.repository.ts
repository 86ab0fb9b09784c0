import type { DbExecutor } from '../../database.ts';
import type { RoleOnUnit } from './actor.ts';
import type { Role } from './roles.ts';
import type { Staff } from './staff.table.ts';

export async function findStaffById(db: DbExecutor, id: string): Promise<Staff | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStaffByUsername(db: DbExecutor, username: string): Promise<Staff | undefined> {
  return db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export async function listRolesOfStaff(db: DbExecutor, staffId: string): Promise<RoleOnUnit[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .innerJoin('units', 'units.id', 'staff_roles.unit_id')
    .select(['staff_roles.role', 'staff_roles.unit_id', 'units.path', 'units.name'])
    .where('staff_roles.staff_id', '=', staffId)
    .orderBy('units.path')
    .orderBy('staff_roles.role')
    .execute();
  return rows.map((r) => ({ role: r.role, unitId: r.unit_id, unitPath: r.path, unitName: r.name }));
}

export async function insertStaff(
  db: DbExecutor,
  values: {
    username: string;
    fullName: string;
    title: string;
    email: string | null;
    phone: string | null;
    passwordHash: string;
  },
): Promise<Staff> {
  return db
    .insertInto('staff')
    .values({
      username: values.username,
      full_name: values.fullName,
      title: values.title,
      email: values.email,
      phone: values.phone,
      password_hash: values.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertStaffRole(
  db: DbExecutor,
  staffId: string,
  unitId: string,
  role: Role,
): Promise<boolean> {
  const result = await db
    .insertInto('staff_roles')
    .values({ staff_id: staffId, unit_id: unitId, role })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteStaffRole(
  db: DbExecutor,
  staffId: string,
  unitId: string,
  role: Role,
): Promise<boolean> {
  const result = await db
    .deleteFrom('staff_roles')
    .where('staff_id', '=', staffId)
    .where('unit_id', '=', unitId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Staff holding any role on a unit whose path starts with one of `paths` (an admin's reach). */
export async function listStaffInSubtrees(db: DbExecutor, paths: readonly string[]) {
  if (paths.length === 0) {
    return [];
  }
  return db
    .selectFrom('staff')
    .select([
      'staff.id',
      'staff.username',
      'staff.full_name',
      'staff.title',
      'staff.is_disabled',
      'staff.locked_until',
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles')
          .innerJoin('units', 'units.id', 'staff_roles.unit_id')
          .select('staff_roles.staff_id')
          .whereRef('staff_roles.staff_id', '=', 'staff.id')
          .where((inner) => inner.or(paths.map((path) => inner('units.path', 'like', `${path}%`)))),
      ),
    )
    .orderBy('staff.full_name')
    .execute();
}

/** Ends every session and token of a staff member (disable, password reset). */
export async function endAllAccess(db: DbExecutor, staffId: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .execute();
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .execute();
}
