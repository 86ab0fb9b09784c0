// Official holiday tables known when the software ships, seeded into the demo (DOMAIN.md "Holidays").
// Provinces enter later years' decisions on the admin page; until then the Labour Code defaults apply.
import {
  type DayOff,
  HOLIDAY_NAMES,
  type HolidayTable,
  type LocalizedText,
} from '../../lib/calendar/index.ts';

const holiday = (date: string, name: LocalizedText): DayOff => ({ date, kind: 'holiday', name });

/**
 * 2026 as announced (press reports of the Prime Minister's decision; its number UNVERIFIED): Tết Bính Ngọ
 * Monday 16/02 to Friday 20/02; Hùng Kings on Sunday 26/04, compensated on Monday 27/04; 30/04 and 01/05;
 * 1/1 and 2/9 with 1/9 as the Labour Code sets them, pending the decision for them. Kept equal to
 * test/fixtures/calendar/holidays-2026.json (checked by a test).
 */
export const HOLIDAY_TABLE_2026: HolidayTable = {
  year: 2026,
  source: {
    kind: 'decision',
    reference:
      'Lịch nghỉ Tết Bính Ngọ, Giỗ Tổ Hùng Vương, 30/4, 1/5 năm 2026 theo quyết định của Thủ tướng Chính phủ (press reports; decision number UNVERIFIED)',
    note: "Seed of the demo (DOMAIN.md 'Holidays'). 1/1 and 2/9 + 1/9 are the Labour Code days pending the decision for them.",
  },
  daysOff: [
    holiday('2026-01-01', HOLIDAY_NAMES.newYear),
    ...['16', '17', '18', '19', '20'].map((day) => holiday(`2026-02-${day}`, HOLIDAY_NAMES.tet)),
    holiday('2026-04-26', HOLIDAY_NAMES.hungKings),
    {
      date: '2026-04-27',
      kind: 'compensatory',
      name: {
        vi: `Nghỉ bù ${HOLIDAY_NAMES.hungKings.vi}`,
        en: `Compensatory day off for ${HOLIDAY_NAMES.hungKings.en}`,
      },
    },
    holiday('2026-04-30', HOLIDAY_NAMES.victory),
    holiday('2026-05-01', HOLIDAY_NAMES.labour),
    holiday('2026-09-01', HOLIDAY_NAMES.national),
    holiday('2026-09-02', HOLIDAY_NAMES.national),
  ],
  workingDays: [],
};

export const OFFICIAL_HOLIDAY_TABLES: readonly HolidayTable[] = [HOLIDAY_TABLE_2026];
