import type { HolidayCalendar } from './create-holiday-calendar.ts';
import { CalendarError } from './errors.ts';
import { isoDateOfJdn, jdnOfIsoDate } from './internal/civil-date.ts';
import { compileWorkingCalendar, HORIZON_DAYS } from './internal/working-calendar.ts';
import type { OfficeHours } from './types.ts';

export interface ShiftWorkingDaysOptions {
  /** `YYYY-MM-DD`, Vietnam local date. */
  readonly date: string;
  /** Working days to move: 1 = the next working day, −1 = the previous one, 0 = `date` if working, else the next. */
  readonly days: number;
  readonly calendar: HolidayCalendar;
  readonly officeHours: OfficeHours;
}

/**
 * Moves a date by whole working days, for day-granular rules: registering and issuing an outgoing document
 * "on the day of signing, at the latest the next working day" (Decree 30/2020 Art. 14–16), or sending the
 * extension notice BM.04 "at least 1 day before the deadline" (Circular 03/2025 annex).
 *
 * @throws CalendarError INVALID_ARGUMENT, INVALID_DATE, OUT_OF_RANGE, INVALID_OFFICE_HOURS, NO_WORKING_TIME
 */
export function shiftWorkingDays(options: ShiftWorkingDaysOptions): string {
  const { date, days, calendar, officeHours } = options;
  if (!Number.isInteger(days)) {
    throw new CalendarError('INVALID_ARGUMENT', 'days must be a whole number');
  }
  const working = compileWorkingCalendar(calendar, officeHours);
  const origin = jdnOfIsoDate(date);
  const direction = days < 0 ? -1 : 1;
  let jdn = origin;
  let remaining = Math.abs(days);
  if (remaining === 0) {
    while (!working.day(jdn).isWorkingDay) {
      jdn++;
      if (jdn - origin > HORIZON_DAYS) {
        throw new CalendarError('NO_WORKING_TIME', `no working day within ${HORIZON_DAYS} days`);
      }
    }
    return isoDateOfJdn(jdn);
  }
  while (remaining > 0) {
    jdn += direction;
    if (Math.abs(jdn - origin) > HORIZON_DAYS) {
      throw new CalendarError('NO_WORKING_TIME', `no working day within ${HORIZON_DAYS} days`);
    }
    if (working.day(jdn).isWorkingDay) {
      remaining--;
    }
  }
  return isoDateOfJdn(jdn);
}
