// Office hours in minutes, the form the working-time arithmetic uses.
import { CalendarError } from '../errors.ts';
import type { OfficeHours, Session, Weekday } from '../types.ts';
import { parseLocalTime } from './local-time.ts';

/** Sessions in minutes after local midnight, `[from, to)`. */
export type MinuteSessions = readonly (readonly [number, number])[];

/** Checks office hours (see `validateOfficeHours`) and converts them to minutes after local midnight. */
export function compileOfficeHours(hours: OfficeHours): {
  readonly normal: MinuteSessions;
  readonly byWeekday: ReadonlyMap<Weekday, MinuteSessions>;
  readonly workingWeekdays: ReadonlySet<Weekday>;
} {
  if (
    typeof hours !== 'object' ||
    hours === null ||
    !Array.isArray(hours.sessions) ||
    !Array.isArray(hours.workingWeekdays)
  ) {
    throw new CalendarError('INVALID_OFFICE_HOURS', 'office hours need sessions and workingWeekdays');
  }
  const normal = toMinutes(hours.sessions);
  if (normal.length === 0) {
    throw new CalendarError('INVALID_OFFICE_HOURS', 'a working day needs at least one session');
  }
  const workingWeekdays = new Set<Weekday>();
  for (const weekday of hours.workingWeekdays) {
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw new CalendarError('INVALID_OFFICE_HOURS', `weekday ${weekday} is not 0–6`);
    }
    workingWeekdays.add(weekday);
  }
  const byWeekday = new Map<Weekday, MinuteSessions>();
  for (const [key, sessions] of Object.entries(hours.sessionsByWeekday ?? {})) {
    const weekday = Number(key) as Weekday;
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6 || !Array.isArray(sessions)) {
      throw new CalendarError('INVALID_OFFICE_HOURS', `sessionsByWeekday key "${key}" is not a weekday 0–6`);
    }
    byWeekday.set(weekday, toMinutes(sessions));
  }
  return { normal, byWeekday, workingWeekdays };
}

function toMinutes(sessions: readonly Session[]): MinuteSessions {
  const result: [number, number][] = [];
  let previousEnd = 0;
  for (const session of sessions) {
    const from = parseLocalTime(session?.from, 'INVALID_OFFICE_HOURS');
    const to = parseLocalTime(session?.to, 'INVALID_OFFICE_HOURS');
    if (to <= from || from < previousEnd) {
      throw new CalendarError(
        'INVALID_OFFICE_HOURS',
        `session ${session.from}–${session.to} is empty, or overlaps or precedes the one before`,
      );
    }
    result.push([from, to]);
    previousEnd = to;
  }
  return result;
}
