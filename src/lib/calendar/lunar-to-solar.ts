import { CalendarError } from './errors.ts';
import { leapMonthOffset, lunationOf, month11Start, newMoonDay } from './internal/astronomy.ts';
import { assertYearInRange } from './internal/civil-date.ts';
import { civilFromJdn } from './internal/julian-day.ts';
import type { CivilDate, LunarDate } from './types.ts';

/**
 * Converts a Vietnamese lunar date (UTC+7) to the civil date, after Hồ Ngọc Đức's `convertLunar2Solar`,
 * and additionally rejects dates that do not exist: day 30 of a 29-day month, or `isLeapMonth` for a month
 * that is not the leap month of that year.
 *
 * @throws CalendarError INVALID_LUNAR_DATE, OUT_OF_RANGE
 */
export function lunarToSolar(lunar: LunarDate): CivilDate {
  const { year, month, day, isLeapMonth } = lunar;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new CalendarError('INVALID_LUNAR_DATE', `lunar ${day}/${month}/${year} does not exist`);
  }
  assertYearInRange(year);
  const monthStart = lunarMonthStart(year, month, isLeapMonth === true);
  if (day === 30) {
    const nextMonthStart = newMoonDay(lunationOf(monthStart) + 1);
    if (nextMonthStart - monthStart < 30) {
      throw new CalendarError('INVALID_LUNAR_DATE', `lunar month ${month}/${year} has only 29 days`);
    }
  }
  return civilFromJdn(monthStart + day - 1);
}

/** Local JDN of the first day of a lunar month. */
function lunarMonthStart(year: number, month: number, isLeapMonth: boolean): number {
  const a11 = month < 11 ? month11Start(year - 1) : month11Start(year);
  const b11 = month < 11 ? month11Start(year) : month11Start(year + 1);
  const k = lunationOf(a11);
  let offset = month - 11;
  if (offset < 0) {
    offset += 12;
  }
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) {
      leapMonth += 12;
    }
    if (isLeapMonth && month !== leapMonth) {
      throw new CalendarError('INVALID_LUNAR_DATE', `lunar year ${year} has no leap month ${month}`);
    }
    if (isLeapMonth || offset >= leapOffset) {
      offset += 1;
    }
  } else if (isLeapMonth) {
    throw new CalendarError('INVALID_LUNAR_DATE', `lunar year ${year} has no leap month`);
  }
  return newMoonDay(k + offset);
}
