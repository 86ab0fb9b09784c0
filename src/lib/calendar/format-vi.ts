// Vietnamese (and English) renderings of dates and times in Vietnam local time (fixed UTC+7, no Intl).
import { CalendarError } from './errors.ts';
import { pad2 } from './internal/civil-date.ts';
import { civilFromJdn, jdnFromCivil, weekdayOfJdn } from './internal/julian-day.ts';
import { formatMinute, localJdn, localMinuteOfDay, OFFSET_MS } from './internal/local-time.ts';
import type { CivilDate, Weekday } from './types.ts';

const WEEKDAYS_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "Chủ nhật", "thứ Hai" … "thứ Bảy" (0 = Sunday). Capitalise the first letter at the start of a sentence. */
export function weekdayNameVi(weekday: Weekday): string {
  return WEEKDAYS_VI[weekday];
}

/** "Sunday" … "Saturday" (0 = Sunday). */
export function weekdayNameEn(weekday: Weekday): string {
  return WEEKDAYS_EN[weekday];
}

function civilOf(date: Date | CivilDate): CivilDate {
  if (date instanceof Date) {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) {
      throw new CalendarError('INVALID_ARGUMENT', 'invalid Date');
    }
    return civilFromJdn(localJdn(ms));
  }
  return date;
}

/** Weekday of a civil date, or of an instant in Vietnam. */
export function weekdayOf(date: Date | CivilDate): Weekday {
  return weekdayOfJdn(jdnFromCivil(civilOf(date))) as Weekday;
}

/** `dd/mm/yyyy` (26/02/2026), the form of BM.01 and the derivation text; an instant is read in Vietnam time. */
export function formatDateVi(date: Date | CivilDate): string {
  const civil = civilOf(date);
  return `${pad2(civil.day)}/${pad2(civil.month)}/${civil.year}`;
}

/** `HH:MM` of an instant in Vietnam time. */
export function formatTimeVi(instant: Date): string {
  return formatMinute(localMinuteOfDay(instantMs(instant)));
}

/** `hh:mm dd/mm/yyyy`, the receipt-time form of BM.01 (Circular 03/2025 annex). */
export function formatDateTimeVi(instant: Date): string {
  return `${formatTimeVi(instant)} ${formatDateVi(instant)}`;
}

/**
 * The place-and-date line of an administrative document, Decree 30/2020 Appendix I §II.5: "ngày 05 tháng 01
 * năm 2026": a leading zero for days below 10 and for months 1 and 2, none for months 3–12.
 */
export function formatDocumentDateVi(date: Date | CivilDate, place?: string): string {
  const civil = civilOf(date);
  const month = civil.month <= 2 ? pad2(civil.month) : String(civil.month);
  const text = `ngày ${pad2(civil.day)} tháng ${month} năm ${civil.year}`;
  return place ? `${place}, ${text}` : text;
}

/** ISO 8601 with the +07:00 offset, e.g. `2026-02-26T08:00:00+07:00` (milliseconds only when not zero). */
export function toVietnamIso(instant: Date): string {
  const ms = instantMs(instant);
  const shifted = new Date(ms + OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:MM:SS.sssZ" in local wall time
  const base = shifted.slice(0, 19);
  const millis = shifted.slice(19, 23);
  return `${base}${millis === '.000' ? '' : millis}+07:00`;
}

function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new CalendarError('INVALID_ARGUMENT', 'invalid Date');
  }
  return ms;
}
