import type { Db } from '../../database.ts';
import { listAllUnits } from './unit.repository.ts';
import type { Unit } from './unit.table.ts';

/** The whole unit tree in path order (parents before children); public information. */
export async function listUnits(options: { db: Db }): Promise<Unit[]> {
  return listAllUnits(options.db);
}

/** Depth of a unit in the tree (0 for a province), from its materialised path. */
export function unitDepth(unit: Pick<Unit, 'path'>): number {
  return unit.path.split('/').filter(Boolean).length - 1;
}
