import type { HolidayCalendar } from './create-holiday-calendar.ts';
import { jdnOfIsoDate } from './internal/civil-date.ts';
import { formatMinute } from './internal/local-time.ts';
import { compileWorkingCalendar } from './internal/working-calendar.ts';
import type { DayOff, ExtraWorkingDay, OfficeHours, Session, Weekday } from './types.ts';

/** One day as a unit's calendar sees it: for admin pages and for checking a due date. */
export interface DayDescription {
  readonly date: string;
  readonly weekday: Weekday;
  readonly isWorkingDay: boolean;
  /** Sessions that day (empty on a day off); a swapped working day has the normal sessions. */
  readonly sessions: readonly Session[];
  readonly dayOff?: DayOff;
  readonly workingDay?: ExtraWorkingDay;
}

/**
 * Describes a date `YYYY-MM-DD` for a unit: working or not, why, and its sessions.
 *
 * @throws CalendarError INVALID_DATE, OUT_OF_RANGE, INVALID_OFFICE_HOURS, INVALID_HOLIDAY_TABLE
 */
export function describeDay(
  date: string,
  calendar: HolidayCalendar,
  officeHours: OfficeHours,
): DayDescription {
  const day = compileWorkingCalendar(calendar, officeHours).day(jdnOfIsoDate(date));
  return {
    date: day.date,
    weekday: day.weekday,
    isWorkingDay: day.isWorkingDay,
    sessions: day.sessions.map(([from, to]) => ({ from: formatMinute(from), to: formatMinute(to) })),
    ...(day.entry.dayOff ? { dayOff: day.entry.dayOff } : {}),
    ...(day.entry.workingDay ? { workingDay: day.entry.workingDay } : {}),
  };
}
