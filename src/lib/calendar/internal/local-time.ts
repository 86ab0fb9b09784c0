// Vietnam local time: Asia/Ho_Chi_Minh has been a fixed UTC+7 with no daylight saving time since 1975
// (IANA tzdata "Asia/Ho_Chi_Minh"), so local wall-clock arithmetic is plain offset arithmetic; no Intl.
import { CalendarError } from '../errors.ts';
import { pad2 } from './civil-date.ts';
import { UNIX_EPOCH_JDN } from './julian-day.ts';

export const OFFSET_MS = 7 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Local Julian day number of an instant. */
export function localJdn(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) + UNIX_EPOCH_JDN;
}

/** Minutes since local midnight, fractional when the instant has seconds. */
export function localMinuteOfDay(ms: number): number {
  const local = ms + OFFSET_MS;
  return (local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS;
}

/** The instant at `minute` minutes after local midnight of local day `jdn`. */
export function instantAt(jdn: number, minute: number): number {
  return (jdn - UNIX_EPOCH_JDN) * DAY_MS + minute * MINUTE_MS - OFFSET_MS;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM` (also accepts `24:00` as the end of the day) into minutes after midnight. */
export function parseLocalTime(text: string, code: 'INVALID_OFFICE_HOURS' | 'INVALID_RULE'): number {
  if (text === '24:00') {
    return 1440;
  }
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  if (!match) {
    throw new CalendarError(code, `"${String(text)}" is not an HH:MM time`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:MM` of a minute of the day (seconds are dropped). */
export function formatMinute(minute: number): string {
  const whole = Math.floor(minute);
  return `${pad2(Math.floor(whole / 60))}:${pad2(whole % 60)}`;
}
