import { leapMonthOffset, lunationBefore, month11Start, newMoonDay } from './internal/astronomy.ts';
import { assertCivilDate } from './internal/civil-date.ts';
import { jdnFromCivil } from './internal/julian-day.ts';
import type { CivilDate, LunarDate } from './types.ts';

/**
 * Converts a civil date to the Vietnamese lunar calendar (UTC+7), after Hồ Ngọc Đức's algorithm
 * (`convertSolar2Lunar`): find the new moon that starts the month holding the day, then count months from
 * the month 11 (winter solstice) that precedes it, skipping the leap month of a 13-month year.
 *
 * @throws CalendarError INVALID_DATE, OUT_OF_RANGE (years outside 1800–2199)
 */
export function solarToLunar(date: CivilDate): LunarDate {
  assertCivilDate(date);
  const dayNumber = jdnFromCivil(date);
  const k = lunationBefore(dayNumber);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) {
    monthStart = newMoonDay(k);
  }
  let a11 = month11Start(date.year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = date.year;
    a11 = month11Start(date.year - 1);
  } else {
    lunarYear = date.year + 1;
    b11 = month11Start(date.year + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29); // months since month 11
  let isLeapMonth = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    // 13 lunar months between two winter-solstice months: one of them is the leap month.
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      isLeapMonth = diff === leapDiff;
    }
  }
  if (month > 12) {
    month -= 12;
  }
  if (month >= 11 && diff < 4) {
    lunarYear -= 1;
  }
  return { year: lunarYear, month, day, isLeapMonth };
}
