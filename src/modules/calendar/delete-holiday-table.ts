import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { deleteHolidayTableRow } from './calendar.repository.ts';
import { getUnit } from './unit-ancestry.ts';
import { invalidateWorkingCalendars } from './working-calendar-cache.ts';

/**
 * Removes a unit's official holiday table for a year: the units below fall back to the table of a unit
 * further up, or to the Labour Code defaults.
 *
 * @throws AppError NOT_FOUND (unknown unit, or no table that year), FORBIDDEN (no `unit.configure` there)
 */
export async function deleteHolidayTable(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  unitId: string;
  year: number;
}): Promise<void> {
  const unit = await getUnit(options.db, options.unitId);
  assertCan(options.actor, 'unit.configure', unit);
  await options.db.transaction().execute(async (trx) => {
    const isYear = Number.isInteger(options.year);
    if (!isYear || !(await deleteHolidayTableRow(trx, unit.id, options.year))) {
      throw new AppError('NOT_FOUND', 'This unit has no holiday table for that year.');
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'calendar.holiday_table_deleted',
      unitId: unit.id,
      subjectType: 'holiday_table',
      subjectId: `${unit.id}/${options.year}`,
      requestId: options.requestId,
      details: { year: options.year },
    });
  });
  invalidateWorkingCalendars(options.db);
}
