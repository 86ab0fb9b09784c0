import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { listSubtree } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { StaffActor } from './actor.ts';
import { can, type Permission, scopesFor } from './permissions.ts';

/**
 * Every unit on which the actor holds `permission` (the units of their roles, and the units below for the
 * supervising roles), in tree order: the choices of a unit filter on reporting pages.
 */
export async function listPermittedUnits(
  db: DbExecutor,
  actor: StaffActor,
  permission: Permission,
): Promise<Unit[]> {
  const found = new Map<string, Unit>();
  for (const scope of scopesFor(actor, permission)) {
    for (const unit of await listSubtree(db, { path: scope.unitPath })) {
      if (can(actor, permission, unit)) {
        found.set(unit.id, unit);
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The unit a reporting page is about: the one asked for if the actor may see it, else their first.
 * @throws AppError FORBIDDEN (no unit at all with `permission`, or the one asked for is not among them)
 */
export async function choosePermittedUnit(
  db: DbExecutor,
  actor: StaffActor,
  permission: Permission,
  unitId: string | undefined,
): Promise<{ unit: Unit; units: Unit[] }> {
  const units = await listPermittedUnits(db, actor, permission);
  const unit = unitId ? units.find((u) => u.id === unitId) : units[0];
  if (!unit) {
    throw new AppError('FORBIDDEN', `Your roles do not allow ${permission} on this unit.`);
  }
  return { unit, units };
}
