// Civil dates: validation, `YYYY-MM-DD` strings, and day arithmetic through Julian Day Numbers.
import { CalendarError } from '../errors.ts';
import type { CivilDate } from '../types.ts';
import { civilFromJdn, jdnFromCivil } from './julian-day.ts';

/** Years the library accepts: where Meeus's truncated series used for the lunar calendar are reliable. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

export function assertYearInRange(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checks a civil date exists and lies in the supported range. */
export function assertCivilDate(date: CivilDate): void {
  if (
    typeof date !== 'object' ||
    date === null ||
    !Number.isInteger(date.year) ||
    !Number.isInteger(date.month) ||
    !Number.isInteger(date.day)
  ) {
    throw new CalendarError('INVALID_DATE', 'a civil date needs integer year, month and day');
  }
  assertYearInRange(date.year);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new CalendarError('INVALID_DATE', `${date.year}-${date.month}-${date.day} is not a date`);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a civil date, checking it exists. */
export function parseIsoDate(text: string): CivilDate {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) {
    throw new CalendarError('INVALID_DATE', `"${String(text)}" is not a YYYY-MM-DD date`);
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  assertCivilDate(date);
  return date;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function isoDateOfJdn(jdn: number): string {
  return isoDate(civilFromJdn(jdn));
}

export function jdnOfIsoDate(text: string): number {
  return jdnFromCivil(parseIsoDate(text));
}
