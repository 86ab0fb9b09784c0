import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findCatalogueUnits } from './catalogue-units.ts';
import { findProcedure } from './procedure.repository.ts';
import type { Procedure } from './procedure.table.ts';

/**
 * The procedure `code` as defined by the province of `unitId` (the province itself, or the commune that
 * adopts it): how the JSON API names a procedure, since codes are national and ids are ours.
 */
export async function getProcedureByCode(options: {
  db: DbExecutor;
  unitId: string;
  code: string;
}): Promise<Procedure> {
  const units = await findCatalogueUnits(options.db, options.unitId);
  const procedure = units?.province
    ? await findProcedure(options.db, units.province.id, options.code)
    : undefined;
  if (!procedure) {
    throw new AppError('NOT_FOUND', 'The province of this unit defines no procedure with this code.');
  }
  return procedure;
}
