import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findCatalogueUnits, isAdopterKind } from './catalogue-units.ts';
import { contentOf } from './effective-procedure.ts';
import { listAdoptions } from './procedure.repository.ts';
import type { Procedure, ProcedureAdoption } from './procedure.table.ts';
import type { ProcedureContent } from './procedure.types.ts';
import { getProcedureWithVersions } from './procedure-with-versions.ts';
import { vietnamDate } from './vietnam-date.ts';

/** A commune's view of a province procedure: the version in force today (or the first) and its adoption. */
export async function getAdoptionForEditing(options: {
  db: Db;
  actor: StaffActor;
  procedureId: string;
  unitId: string;
  now?: Date;
}): Promise<{
  procedure: Procedure;
  unit: Unit;
  province: ProcedureContent;
  adoption: ProcedureAdoption | undefined;
}> {
  const { procedure, versions } = await getProcedureWithVersions(options);
  const units = await findCatalogueUnits(options.db, options.unitId);
  if (!units) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  assertCan(options.actor, 'unit.configure', units.unit);
  if (!isAdopterKind(units.unit) || units.province?.id !== procedure.unit_id) {
    throw new AppError('NOT_FOUND', 'The province of this unit does not define this procedure.');
  }
  const today = vietnamDate(options.now ?? new Date());
  const version = versions.findLast((v) => v.effective_from <= today) ?? versions[0];
  if (!version) {
    throw new AppError('NOT_FOUND', 'No such procedure.');
  }
  const adoptions = await listAdoptions(options.db, { unitId: units.unit.id, procedureId: procedure.id });
  return { procedure, unit: units.unit, province: contentOf(version), adoption: adoptions.at(-1) };
}
