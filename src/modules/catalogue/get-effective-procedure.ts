import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findCatalogueUnits } from './catalogue-units.ts';
import { findEffectiveProcedure, resolveEffectiveProcedure } from './find-effective-procedure.ts';
import { listProceduresByCode } from './procedure.repository.ts';
import type { EffectiveProcedure } from './procedure.types.ts';

/**
 * The public detail (page and API): at a unit when given (NOT_FOUND unless it provides the procedure
 * then), else the definition of the first province, by identifier code, that defines the code.
 */
export async function getEffectiveProcedure(options: {
  db: DbExecutor;
  code: string;
  unitId?: string | undefined;
  at: Date;
}): Promise<EffectiveProcedure> {
  let found: EffectiveProcedure | undefined;
  if (options.unitId) {
    found = await findEffectiveProcedure({ ...options, unitId: options.unitId });
  } else {
    const [procedure] = await listProceduresByCode(options.db, options.code);
    const units = procedure ? await findCatalogueUnits(options.db, procedure.unit_id) : undefined;
    if (procedure && units) {
      found = await resolveEffectiveProcedure(options.db, {
        procedureId: procedure.id,
        code: procedure.code,
        province: units.unit,
        adopterId: undefined,
        at: options.at,
      });
    }
  }
  if (!found) {
    throw new AppError('NOT_FOUND', 'No such procedure in force here.');
  }
  return found;
}
