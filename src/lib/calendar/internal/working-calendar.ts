// One unit's working calendar: holiday tables + office hours, answering "which sessions does day X have?".
import type { HolidayCalendar, HolidayEntry } from '../create-holiday-calendar.ts';
import { CalendarError } from '../errors.ts';
import type { OfficeHours, Weekday } from '../types.ts';
import { isoDateOfJdn } from './civil-date.ts';
import { weekdayOfJdn } from './julian-day.ts';
import { compileOfficeHours, type MinuteSessions } from './office-hours.ts';

export interface WorkingDayInfo {
  readonly jdn: number;
  readonly date: string;
  readonly weekday: Weekday;
  readonly isWorkingDay: boolean;
  /** Sessions in local minutes; empty on a day off. */
  readonly sessions: MinuteSessions;
  readonly entry: HolidayEntry;
}

export interface WorkingCalendar {
  day(jdn: number): WorkingDayInfo;
  /** Length of a normal working day in ms: the unit of "N working days". */
  readonly normalDayMs: number;
}

/** Searching further than this for working time means the configuration leaves none. */
export const HORIZON_DAYS = 3653;

/** Compiled calendars by holiday calendar and office hours (objects neither side changes once made). */
const COMPILED = new WeakMap<HolidayCalendar, WeakMap<OfficeHours, WorkingCalendar>>();

/**
 * The working calendar of these holidays and office hours, compiled once per pair of objects: a unit's
 * cached calendar (modules/calendar) serves every intake with the days it has already looked up.
 */
export function compileWorkingCalendar(calendar: HolidayCalendar, officeHours: OfficeHours): WorkingCalendar {
  if (typeof calendar?.entryFor !== 'function') {
    throw new CalendarError('INVALID_ARGUMENT', 'calendar must come from createHolidayCalendar');
  }
  const byHours = COMPILED.get(calendar);
  const known =
    typeof officeHours === 'object' && officeHours !== null ? byHours?.get(officeHours) : undefined;
  if (known) {
    return known;
  }
  const compiled = compile(calendar, officeHours);
  if (byHours) {
    byHours.set(officeHours, compiled);
  } else {
    COMPILED.set(calendar, new WeakMap([[officeHours, compiled]]));
  }
  return compiled;
}

function compile(calendar: HolidayCalendar, officeHours: OfficeHours): WorkingCalendar {
  const hours = compileOfficeHours(officeHours);
  const cache = new Map<number, WorkingDayInfo>();
  return {
    normalDayMs: hours.normal.reduce((sum, [from, to]) => sum + (to - from) * 60_000, 0),
    day(jdn) {
      let info = cache.get(jdn);
      if (!info) {
        const date = isoDateOfJdn(jdn);
        const weekday = weekdayOfJdn(jdn) as Weekday;
        const entry = calendar.entryFor(date);
        // A table entry wins over the weekday: a holiday is off, a swapped Saturday works a normal day.
        const isWorkingDay = entry.dayOff
          ? false
          : entry.workingDay
            ? true
            : hours.workingWeekdays.has(weekday);
        const sessions = !isWorkingDay
          ? []
          : entry.workingDay
            ? hours.normal
            : (hours.byWeekday.get(weekday) ?? hours.normal);
        info = { jdn, date, weekday, isWorkingDay: isWorkingDay && sessions.length > 0, sessions, entry };
        cache.set(jdn, info);
      }
      return info;
    },
  };
}
