import type { DbExecutor } from '../../database.ts';
import type { StaffActor } from './actor.ts';
import { listRolesOfStaff } from './staff.repository.ts';
import type { Staff } from './staff.table.ts';

export async function loadActor(db: DbExecutor, staff: Staff): Promise<StaffActor> {
  return {
    kind: 'staff',
    staffId: staff.id,
    username: staff.username,
    fullName: staff.full_name,
    title: staff.title,
    roles: await listRolesOfStaff(db, staff.id),
  };
}
