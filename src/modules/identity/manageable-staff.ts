// Guard shared by the staff administration use cases: an administrator reaches a staff member through
// any role that member holds on a unit inside the administrator's subtree.
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
): Promise<{ staff: Staff; roles: RoleOnUnit[] }> {
  if (!canAnywhere(actor, 'staff.manage')) {
    throw new AppError('FORBIDDEN', 'Managing staff needs the unit administrator role.');
  }
  const staff = await findStaffById(db, staffId);
  if (!staff) {
    throw new AppError('NOT_FOUND', 'No such staff member.');
  }
  const roles = await listRolesOfStaff(db, staff.id);
  if (!roles.some((r) => can(actor, 'staff.manage', { path: r.unitPath }))) {
    // Not told apart from "does not exist": an administrator of one commune cannot probe another's staff.
    throw new AppError('NOT_FOUND', 'No such staff member.');
  }
  return { staff, roles };
}
