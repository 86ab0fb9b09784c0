// Julian Day Numbers for civil dates: the integer day count the lunar algorithm works in.
// Formulas from the Calendar FAQ (Claus Tøndering, §2.16.1), proleptic Julian before 1582-10-15 as in
// Hồ Ngọc Đức's reference implementation; this library only accepts 1800–2199, so only the Gregorian
// branch is ever reached in practice.
import type { CivilDate } from '../types.ts';

/** JDN of 1970-01-01, so that `jdn - UNIX_EPOCH_JDN` is the day count since the Unix epoch. */
export const UNIX_EPOCH_JDN = 2440588;

export function jdnFromCivil(date: CivilDate): number {
  const a = Math.floor((14 - date.month) / 12);
  const y = date.year + 4800 - a;
  const m = date.month + 12 * a - 3;
  let jd =
    date.day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  if (jd < 2299161) {
    jd = date.day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  }
  return jd;
}

export function civilFromJdn(jd: number): CivilDate {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    year: b * 100 + d - 4800 + Math.floor(m / 10),
    month: m + 3 - 12 * Math.floor(m / 10),
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

/** 0 = Sunday … 6 = Saturday (JDN 0 was a Monday). */
export function weekdayOfJdn(jd: number): number {
  return (jd + 1) % 7;
}
