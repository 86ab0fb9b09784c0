import type { Db } from '../../database.ts';
import { type OfficeHours, validateOfficeHours } from '../../lib/calendar/index.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { deleteOfficeHoursRow, upsertOfficeHours } from './calendar.repository.ts';
import { withCalendarErrors } from './calendar-error.ts';
import { getUnit } from './unit-ancestry.ts';
import { invalidateWorkingCalendars } from './working-calendar-cache.ts';

/**
 * Sets a unit's office hours (DOMAIN.md "Deadlines": 07:00–11:30 and 13:30–17:00 by default; Saturday
 * morning reception is the unit's choice), which the units below inherit; `null` clears them, so the unit
 * inherits from above again (or gets the defaults).
 *
 * @throws AppError NOT_FOUND (unknown unit), FORBIDDEN (no `unit.configure` there), VALIDATION_FAILED
 *   (`officeHours`: a time not HH:MM, an empty or overlapping session, no session)
 */
export async function setOfficeHours(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  unitId: string;
  officeHours: OfficeHours | null;
}): Promise<void> {
  const unit = await getUnit(options.db, options.unitId);
  assertCan(options.actor, 'unit.configure', unit);
  const hours = options.officeHours;
  if (hours) {
    withCalendarErrors({ INVALID_OFFICE_HOURS: 'officeHours' }, () => validateOfficeHours(hours));
  }
  await options.db.transaction().execute(async (trx) => {
    if (hours) {
      await upsertOfficeHours(trx, { unitId: unit.id, hours, by: options.actor.staffId });
    } else {
      await deleteOfficeHoursRow(trx, unit.id);
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: hours ? 'calendar.office_hours_set' : 'calendar.office_hours_cleared',
      unitId: unit.id,
      subjectType: 'unit',
      subjectId: unit.id,
      requestId: options.requestId,
      ...(hours ? { state: hours } : {}),
    });
  });
  invalidateWorkingCalendars(options.db);
}
