import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { isUuid } from '../catalogue/catalogue-units.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';

/**
 * Sets how many working days before a due date the handler and the one-stop staff are warned (issue 7 §5,
 * "configurable, e.g. 1 working day"); 0 turns warnings off. A commune's setting covers its centre.
 *
 * @throws AppError NOT_FOUND (unit), FORBIDDEN (no `unit.configure` there), VALIDATION_FAILED (`days`: 0–10)
 */
export async function setWarningThreshold(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  unitId: string;
  days: number;
}): Promise<void> {
  const unit = isUuid(options.unitId) ? await findUnitById(options.db, options.unitId) : undefined;
  if (!unit) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  assertCan(options.actor, 'unit.configure', unit);
  if (!Number.isInteger(options.days) || options.days < 0 || options.days > 10) {
    throw new AppError('VALIDATION_FAILED', 'Between 0 and 10 working days.', {
      fields: { days: 'warningDays' },
    });
  }
  await options.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('workflow_unit_settings')
      .values({ unit_id: unit.id, warning_working_days: options.days })
      .onConflict((oc) => oc.column('unit_id').doUpdateSet({ warning_working_days: options.days }))
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'workflow.settings_set',
      unitId: unit.id,
      subjectType: 'unit',
      subjectId: unit.id,
      requestId: options.requestId,
      details: { warningWorkingDays: options.days },
    });
  });
}
