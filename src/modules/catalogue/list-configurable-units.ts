import type { Db } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { listUnits } from '../organisation/list-units.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { isAdopterKind } from './catalogue-units.ts';

/** Provinces, communes and wards where the actor holds `unit.configure`. */
export async function listConfigurableUnits(options: { db: Db; actor: StaffActor }): Promise<Unit[]> {
  const units = await listUnits({ db: options.db });
  return units.filter(
    (u) => (u.kind === 'province' || isAdopterKind(u)) && can(options.actor, 'unit.configure', u),
  );
}
