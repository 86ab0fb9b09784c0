import { compileOfficeHours } from './internal/office-hours.ts';
import type { OfficeHours, Weekday } from './types.ts';

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

/**
 * Checks office hours as an admin enters them: every time `HH:MM`, every session non-empty, sessions
 * ascending and not overlapping, a normal day with at least one session, weekdays 0–6.
 *
 * @throws CalendarError INVALID_OFFICE_HOURS
 */
export function validateOfficeHours(hours: OfficeHours): void {
  compileOfficeHours(hours);
}
