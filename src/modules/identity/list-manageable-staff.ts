import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { listSubtree } from '../organisation/unit.repository.ts';
import type { StaffActor } from './actor.ts';
import { scopesFor } from './permissions.ts';
import { listStaffInSubtrees } from './staff.repository.ts';

/** The staff an administrator manages, and the units they may assign roles on. */
export async function listManageableStaff(options: { db: Db; actor: StaffActor }) {
  const scopes = scopesFor(options.actor, 'staff.manage');
  if (scopes.length === 0) {
    throw new AppError('FORBIDDEN', 'Only unit administrators manage staff.');
  }
  const paths = scopes.map((s) => s.unitPath);
  const staff = await listStaffInSubtrees(options.db, paths);
  const unitLists = await Promise.all(scopes.map((s) => listSubtree(options.db, { path: s.unitPath })));
  const units = [...new Map(unitLists.flat().map((u) => [u.id, u])).values()].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  return { staff, units };
}
