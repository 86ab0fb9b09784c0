import type { DbExecutor } from '../../database.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findCatalogueUnits } from './catalogue-units.ts';
import { listProceduresByCode } from './procedure.repository.ts';

/** The provinces that define `code` (several only when one deployment serves several provinces). */
export async function listDefiningUnits(options: { db: DbExecutor; code: string }): Promise<Unit[]> {
  const procedures = await listProceduresByCode(options.db, options.code);
  const units = await Promise.all(procedures.map((p) => findCatalogueUnits(options.db, p.unit_id)));
  return units.flatMap((u) => (u ? [u.unit] : []));
}
