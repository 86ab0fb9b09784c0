// Default public holidays of one year, computed from the Labour Code 45/2019/QH14, Art. 112.1 and 111.3,
// for use until an official decision for that year is entered (DOMAIN.md "Holidays"). Every year the Prime
// Minister fixes the exact Tết and 2/9 days and any swapped working days; those decisions are entered as a
// `HolidayTable` with `source.kind = 'decision'`, which replaces this default for its whole year.
import { assertYearInRange, isoDateOfJdn } from './internal/civil-date.ts';
import { jdnFromCivil, weekdayOfJdn } from './internal/julian-day.ts';
import { lunarToSolar } from './lunar-to-solar.ts';
import type { DayOff, HolidayTable, LocalizedText } from './types.ts';

/** Names of the statutory holidays, Art. 112.1 a–đ. */
export const HOLIDAY_NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" },
  victory: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế lao động', en: "International Workers' Day" },
  national: { vi: 'Quốc khánh', en: 'National Day' },
} as const satisfies Record<string, LocalizedText>;

/**
 * The adjacent National Day holiday (Art. 112.1.đ: "02 ngày: ngày 02 tháng 9 dương lịch và 01 ngày liền kề
 * trước hoặc sau"), chosen by the weekday of 2/9 so that the two days join a weekend, as the decisions of
 * 2021–2025 did: −1 = 1 September, +1 = 3 September. Index: weekday of 2/9 (0 = Sunday).
 * UNVERIFIED as a rule (each year's decision says which day): enter the decision to override.
 */
const NATIONAL_DAY_NEIGHBOUR = [+1, +1, -1, -1, +1, -1, -1] as const;

/** Weekly rest days of the civil service used for compensation (Decree 45/2013 & Labour Code Art. 111). */
const isWeeklyRest = (jdn: number): boolean => {
  const weekday = weekdayOfJdn(jdn);
  return weekday === 0 || weekday === 6;
};

/**
 * The default holiday table of `year`:
 * - 1 January;
 * - Tết: 5 days, the last day of the old lunar year and the first four days of the new one (the usual
 *   arrangement for state bodies; 2026's decision, 16–20 February, is exactly this);
 * - 10/3 lunar (Hùng Kings); 30 April; 1 May;
 * - 2 September and one adjacent day (see NATIONAL_DAY_NEIGHBOUR);
 * - for each of these falling on a Saturday or Sunday, a compensatory day off on the next working day
 *   (Art. 111.3: "được nghỉ bù … vào ngày làm việc kế tiếp"), in date order.
 *
 * @throws CalendarError OUT_OF_RANGE
 */
export function defaultHolidayTable(year: number): HolidayTable {
  assertYearInRange(year);
  const holidays = new Map<number, LocalizedText>();
  holidays.set(jdnFromCivil({ year, month: 1, day: 1 }), HOLIDAY_NAMES.newYear);
  const tet = jdnFromCivil(lunarToSolar({ year, month: 1, day: 1, isLeapMonth: false }));
  for (let offset = -1; offset <= 3; offset++) {
    holidays.set(tet + offset, HOLIDAY_NAMES.tet);
  }
  holidays.set(
    jdnFromCivil(lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false })),
    HOLIDAY_NAMES.hungKings,
  );
  holidays.set(jdnFromCivil({ year, month: 4, day: 30 }), HOLIDAY_NAMES.victory);
  holidays.set(jdnFromCivil({ year, month: 5, day: 1 }), HOLIDAY_NAMES.labour);
  const nationalDay = jdnFromCivil({ year, month: 9, day: 2 });
  holidays.set(nationalDay, HOLIDAY_NAMES.national);
  holidays.set(
    nationalDay + (NATIONAL_DAY_NEIGHBOUR[weekdayOfJdn(nationalDay)] ?? -1),
    HOLIDAY_NAMES.national,
  );

  const daysOff: DayOff[] = [];
  const taken = new Set(holidays.keys());
  for (const jdn of [...holidays.keys()].sort((a, b) => a - b)) {
    const name = holidays.get(jdn) as LocalizedText;
    daysOff.push({ date: isoDateOfJdn(jdn), kind: 'holiday', name });
    if (isWeeklyRest(jdn)) {
      let compensation = jdn + 1;
      while (isWeeklyRest(compensation) || taken.has(compensation)) {
        compensation++;
      }
      taken.add(compensation);
      daysOff.push({
        date: isoDateOfJdn(compensation),
        kind: 'compensatory',
        name: { vi: `Nghỉ bù ${name.vi}`, en: `Compensatory day off for ${name.en}` },
      });
    }
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, source: { kind: 'default' }, daysOff, workingDays: [] };
}
