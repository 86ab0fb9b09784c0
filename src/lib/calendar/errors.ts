/**
 * Errors of the calendar library. The code union is closed: callers switch on `code`, never on the message.
 * A due date that falls late, a holiday or a paused clock are NOT errors: they are results. A CalendarError
 * means an input could not be understood or the computation could not be carried out.
 */
export type CalendarErrorCode =
  /** An argument is missing, not finite, or of the wrong shape (e.g. an invalid `Date`, a pause ending before it starts). */
  | 'INVALID_ARGUMENT'
  /** A civil (solar) date does not exist, e.g. 2026-02-30, or a string is not `YYYY-MM-DD`. */
  | 'INVALID_DATE'
  /** A lunar date does not exist: day 30 of a 29-day month, or a leap month that year does not have. */
  | 'INVALID_LUNAR_DATE'
  /** A year outside 1800–2199, where the astronomical approximations used for the lunar calendar hold. */
  | 'OUT_OF_RANGE'
  /** Office hours are malformed: a time not `HH:MM`, a session ending before it starts, overlapping sessions. */
  | 'INVALID_OFFICE_HOURS'
  /** A holiday table is inconsistent: a date outside its year, listed twice, or both off and working. */
  | 'INVALID_HOLIDAY_TABLE'
  /** A deadline rule is malformed: a negative or fractional count, an unknown kind, a bad cut-off. */
  | 'INVALID_RULE'
  /** No working time was found within the search horizon (10 years): the office hours or tables leave none. */
  | 'NO_WORKING_TIME';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalendarError';
    this.code = code;
  }
}
