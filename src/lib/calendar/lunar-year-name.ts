import { assertYearInRange } from './internal/civil-date.ts';

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
] as const;

/**
 * The sexagenary (can chi) name of a lunar year, as printed on Vietnamese calendars and in holiday
 * decisions ("Tết Bính Ngọ 2026"). Year 4 CE was Giáp Tý, the first of the cycle, so the stem is
 * (year + 6) mod 10 and the branch (year + 8) mod 12. Vietnam's branch 4 is the Cat (Mão), not the Rabbit.
 *
 * @throws CalendarError OUT_OF_RANGE
 */
export function lunarYearName(year: number): string {
  assertYearInRange(year);
  return `${STEMS[(year + 6) % 10]} ${BRANCHES[(year + 8) % 12]}`;
}
