// Translates the calendar library's errors (which know nothing of HTTP) into the application's.
import { CalendarError, type CalendarErrorCode } from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';

/** Which input field each library error code points at, for forms and API clients. */
export type CalendarFieldMap = Partial<Record<CalendarErrorCode, string>>;

/**
 * Runs `fn`; a CalendarError becomes VALIDATION_FAILED with `fields[<field>] = <code in camelCase>` (field
 * from `fieldFor`, else `input`), and NO_WORKING_TIME an INVALID_STATE (the unit's calendar leaves no time).
 */
export function withCalendarErrors<T>(fieldFor: CalendarFieldMap, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toAppError(error, fieldFor);
  }
}

function toAppError(error: unknown, fieldFor: CalendarFieldMap): unknown {
  if (!(error instanceof CalendarError)) {
    return error;
  }
  if (error.code === 'NO_WORKING_TIME') {
    return new AppError('INVALID_STATE', 'The unit’s calendar leaves no working time.', { cause: error });
  }
  const field = fieldFor[error.code] ?? 'input';
  const code = error.code.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return new AppError('VALIDATION_FAILED', error.message, { fields: { [field]: code }, cause: error });
}
