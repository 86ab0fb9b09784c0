// Where a unit sits for the catalogue: procedures are defined by the province above it (or itself) and
// adopted by the commune or ward above it (or itself; a one-stop centre belongs to its commune).

import type { DbExecutor } from '../../database.ts';
import { listUnitWithAncestors } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { cachedCatalogueRead } from './catalogue-cache.ts';

export interface CatalogueUnits {
  readonly unit: Unit;
  /** The nearest province at or above the unit: it defines the procedures. */
  readonly province: Unit | undefined;
  /** The nearest commune or ward at or above the unit: it adopts them. Undefined at province level. */
  readonly adopter: Unit | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms: anything not shaped like a uuid cannot name a row (and would make PostgreSQL throw). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isAdopterKind(unit: Pick<Unit, 'kind'>): boolean {
  return unit.kind === 'commune' || unit.kind === 'ward';
}

export async function findCatalogueUnits(
  db: DbExecutor,
  unitId: string,
): Promise<CatalogueUnits | undefined> {
  if (!isUuid(unitId)) {
    return undefined;
  }
  // Units are never updated: a found unit's chain is kept in memory (catalogue-cache.ts).
  return cachedCatalogueRead(db, `units:${unitId}`, () => loadCatalogueUnits(db, unitId));
}

async function loadCatalogueUnits(db: DbExecutor, unitId: string): Promise<CatalogueUnits | undefined> {
  // The unit and its ancestors (the ids in its materialised path) in one round trip: intake asks this first.
  const rows = await listUnitWithAncestors(db, unitId);
  const byId = new Map(rows.map((u) => [u.id, u]));
  const unit = byId.get(unitId);
  if (!unit) {
    return undefined;
  }
  const ids = unit.path.split('/').filter(Boolean);
  // Nearest first: the unit itself, then its parent, up to the root.
  const chain = ids
    .reverse()
    .map((id) => byId.get(id))
    .filter((u): u is Unit => u !== undefined);
  return {
    unit,
    province: chain.find((u) => u.kind === 'province'),
    adopter: chain.find(isAdopterKind),
  };
}
