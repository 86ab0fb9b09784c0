// Effective dates are Vietnam calendar dates (UTC+7, no daylight saving time): a version dated
// `2026-01-25` is in force from 00:00 Vietnam time that day.
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Vietnam calendar date (`YYYY-MM-DD`) of an instant. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar day before `YYYY-MM-DD`. */
export function previousDay(value: string): string {
  return new Date(Date.parse(`${value}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** `2026-01-25` → `25/01/2026`, as Vietnamese documents write dates. */
export function formatVietnamDate(value: string): string {
  const match = ISO_DATE.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
