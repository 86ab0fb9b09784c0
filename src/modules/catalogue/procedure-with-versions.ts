import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from './catalogue-units.ts';
import { findProcedureById, listVersions } from './procedure.repository.ts';
import type { Procedure, ProcedureVersion } from './procedure.table.ts';

/** A procedure by id with all its versions, oldest first; NOT_FOUND when there is none (ids come from URLs). */
export async function getProcedureWithVersions(options: {
  db: DbExecutor;
  procedureId: string;
}): Promise<{ procedure: Procedure; versions: ProcedureVersion[] }> {
  const procedure = isUuid(options.procedureId)
    ? await findProcedureById(options.db, options.procedureId)
    : undefined;
  if (!procedure) {
    throw new AppError('NOT_FOUND', 'No such procedure.');
  }
  return { procedure, versions: await listVersions(options.db, procedure.id) };
}
