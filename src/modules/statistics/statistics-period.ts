// The reporting period: whole Vietnam calendar days, `from` and `to` included (UTC+7, no DST).
import { AppError } from '../../platform/errors.ts';
import { isIsoDate, vietnamDate } from '../catalogue/vietnam-date.ts';

export interface StatisticsPeriod {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day included, `YYYY-MM-DD`. */
  readonly to: string;
  /** 00:00 Vietnam time on `from`. */
  readonly start: Date;
  /** 00:00 Vietnam time the day after `to` (exclusive). */
  readonly end: Date;
}

/** The longest period one report covers: beyond that, ask for several. */
export const MAX_PERIOD_DAYS = 3 * 366;

export function vietnamMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/**
 * The period asked for; unset bounds default to the 1st of January of `now`'s year and today.
 * @throws AppError VALIDATION_FAILED (from / to not a date, `to` before `from`, longer than MAX_PERIOD_DAYS)
 */
export function parsePeriod(
  input: { from?: string | undefined; to?: string | undefined },
  now: Date,
): StatisticsPeriod {
  const today = vietnamDate(now);
  const from = input.from?.trim() || `${today.slice(0, 4)}-01-01`;
  const to = input.to?.trim() || today;
  const fields: Record<string, string> = {};
  if (!isIsoDate(from)) {
    fields.from = 'dateInvalid';
  }
  if (!isIsoDate(to)) {
    fields.to = 'dateInvalid';
  }
  if (Object.keys(fields).length === 0) {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days < 0) {
      fields.to = 'periodOrder';
    } else if (days >= MAX_PERIOD_DAYS) {
      fields.to = 'periodTooLong';
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Kỳ thống kê không hợp lệ.', { fields });
  }
  const end = new Date(vietnamMidnight(to).getTime() + 86_400_000);
  return { from, to, start: vietnamMidnight(from), end };
}
