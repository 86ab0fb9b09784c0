import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can, scopesFor } from '../identity/permissions.ts';
import { findUnitsByIds, listSubtree } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';

export interface CalendarAdminUnits {
  /** Units whose office hours the administrator sets (their own and every unit below), in path order. */
  readonly units: readonly Unit[];
  /** The provinces above or at those units, whose holiday tables apply to them; editable or only shown. */
  readonly provinces: readonly { readonly unit: Unit; readonly canEdit: boolean }[];
}

/**
 * What a unit administrator's calendar pages show: the units they configure, and the provinces whose
 * holiday tables those units inherit (a commune administrator sees the province table but cannot edit it).
 *
 * @throws AppError FORBIDDEN without `unit.configure` anywhere
 */
export async function listCalendarAdminUnits(options: {
  db: Db;
  actor: StaffActor;
}): Promise<CalendarAdminUnits> {
  const scopes = scopesFor(options.actor, 'unit.configure');
  if (scopes.length === 0) {
    throw new AppError('FORBIDDEN', 'Calendars are configured by unit administrators.');
  }
  const lists = await Promise.all(scopes.map((s) => listSubtree(options.db, { path: s.unitPath })));
  const units = [...new Map(lists.flat().map((u) => [u.id, u])).values()].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  const rootIds = [...new Set(scopes.map((s) => s.unitPath.split('/').find(Boolean) ?? ''))];
  const roots = await findUnitsByIds(options.db, rootIds.filter(Boolean));
  const provinces = roots
    .filter((unit) => unit.kind === 'province')
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((unit) => ({ unit, canEdit: can(options.actor, 'unit.configure', unit) }));
  return { units, provinces };
}
