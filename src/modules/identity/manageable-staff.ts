// Guard shared by the staff administration use cases: an administrator reaches a staff member through
// any role that member holds on a unit inside the administrator's subtree. That role's unit is the one the
// change concerns: its audit event carries it, so the auditors of that unit see it (not only the root's).
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RoleOnUnit, StaffActor } from './actor.ts';
import { can, canAnywhere } from './permissions.ts';
import { findStaffById, listRolesOfStaff } from './staff.repository.ts';
import type { Staff } from './staff.table.ts';

export async function getManageableStaff(
  db: DbExecutor,
  actor: StaffActor,
  staffId: string,
): Promise<{ staff: Staff; roles: RoleOnUnit[]; unitId: string }> {
  if (!canAnywhere(actor, 'staff.manage')) {
    throw new AppError('FORBIDDEN', 'Managing staff needs the unit administrator role.');
  }
  const staff = await findStaffById(db, staffId);
  if (!staff) {
    throw new AppError('NOT_FOUND', 'No such staff member.');
  }
  const roles = await listRolesOfStaff(db, staff.id);
  // Roles come ordered by unit path (`/<id>/…/`, ids random): the first reachable one is a unit the member
  // works in here, above any of its own sub-units they also work in (not necessarily the highest of all).
  const reached = roles.find((r) => can(actor, 'staff.manage', { path: r.unitPath }));
  if (!reached) {
    // Not told apart from "does not exist": an administrator of one commune cannot probe another's staff.
    throw new AppError('NOT_FOUND', 'No such staff member.');
  }
  return { staff, roles, unitId: reached.unitId };
}
