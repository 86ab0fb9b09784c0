// What the admin forms start from, after the same authorisation the saving use case applies.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { contentOf } from './effective-procedure.ts';
import type { Procedure } from './procedure.table.ts';
import type { ProcedureContent } from './procedure.types.ts';
import { getProcedureWithVersions } from './procedure-with-versions.ts';

/** A province procedure and its latest version's content (the starting point of the next version). */
export async function getProcedureForEditing(options: {
  db: Db;
  actor: StaffActor;
  procedureId: string;
}): Promise<{ procedure: Procedure; unit: Unit; latest: ProcedureContent }> {
  const { procedure, versions } = await getProcedureWithVersions(options);
  const unit = await findUnitById(options.db, procedure.unit_id);
  const latest = versions.at(-1);
  if (!unit || !latest) {
    throw new AppError('NOT_FOUND', 'No such procedure.');
  }
  assertCan(options.actor, 'unit.configure', unit);
  return { procedure, unit, latest: contentOf(latest) };
}
