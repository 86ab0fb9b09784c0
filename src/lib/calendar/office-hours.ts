import { CalendarError } from './errors.ts';
import { parseLocalTime } from './internal/local-time.ts';
import type { OfficeHours, Session, Weekday } from './types.ts';

/**
 * Default office hours of a commune centre: 07:00–11:30 and 13:30–17:00, Monday to Friday (DOMAIN.md
 * "Deadlines", vendor practice; each unit may configure its own).
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  sessions: Object.freeze([
    Object.freeze({ from: '07:00', to: '11:30' }),
    Object.freeze({ from: '13:30', to: '17:00' }),
  ]),
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5] as Weekday[]),
});

/** Sessions in minutes after local midnight, `[from, to)`. */
export type MinuteSessions = readonly (readonly [number, number])[];

/**
 * Checks office hours and converts them to minutes: every time `HH:MM`, every session non-empty, sessions
 * ascending and not overlapping, a normal day with at least one session, weekdays 0–6.
 *
 * @throws CalendarError INVALID_OFFICE_HOURS
 */
export function validateOfficeHours(hours: OfficeHours): {
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
