// The inheritance chain of a unit: itself, then its parent, up to the province (from the materialised path).
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of the unit and its ancestors, nearest first. */
export function ancestryOf(unit: Pick<Unit, 'path'>): string[] {
  return unit.path.split('/').filter(Boolean).reverse();
}

/** The unit, or NOT_FOUND (units are public: a 404 tells nothing secret). */
export async function getUnit(db: DbExecutor, unitId: string): Promise<Unit> {
  // Not a UUID cannot be a unit (and would be a type error in PostgreSQL, not a 404).
  const unit = UUID.test(unitId) ? await findUnitById(db, unitId) : undefined;
  if (!unit) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  return unit;
}

/** Of rows held by units in `ancestry`, the one of the nearest unit. */
export function nearest<T extends { unit_id: string }>(
  rows: readonly T[],
  ancestry: readonly string[],
): T | undefined {
  let best: T | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const rank = ancestry.indexOf(row.unit_id);
    if (rank >= 0 && rank < bestRank) {
      best = row;
      bestRank = rank;
    }
  }
  return best;
}
