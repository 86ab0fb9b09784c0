// Building derivation steps with their Vietnamese and English text. Kept apart from the arithmetic so the
// wording can change without touching the rules.
import {
  formatDateVi,
  formatTimeVi,
  toVietnamIso,
  weekdayNameEn,
  weekdayNameVi,
  weekdayOf,
} from '../format-vi.ts';
import type { DerivationCode, DerivationStep, LocalizedText } from '../types.ts';

export function step(
  code: DerivationCode,
  params: Record<string, string | number>,
  text: LocalizedText,
): DerivationStep {
  return Object.freeze({ code, params: Object.freeze(params), vi: text.vi, en: text.en });
}

/** "16:40 thứ Sáu 13/02/2026" / "16:40 Friday 13/02/2026". */
export function instantText(at: Date): LocalizedText {
  const weekday = weekdayOf(at);
  const time = formatTimeVi(at);
  const date = formatDateVi(at);
  return { vi: `${time} ${weekdayNameVi(weekday)} ${date}`, en: `${time} ${weekdayNameEn(weekday)} ${date}` };
}

/**
 * A duration: "2 ngày 4 giờ 30 phút" / "2 days 4 hours 30 minutes". Whole normal working days are counted as
 * days only when `normalDayMs` is given.
 */
export function durationText(ms: number, normalDayMs?: number): LocalizedText {
  const totalMinutes = Math.round(ms / 60_000);
  const dayMinutes = normalDayMs ? Math.round(normalDayMs / 60_000) : 0;
  const days = dayMinutes > 0 ? Math.floor(totalMinutes / dayMinutes) : 0;
  const rest = totalMinutes - days * dayMinutes;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const vi: string[] = [];
  const en: string[] = [];
  const add = (n: number, unitVi: string, unitEn: string): void => {
    vi.push(`${n} ${unitVi}`);
    en.push(`${n} ${unitEn}${n === 1 ? '' : 's'}`);
  };
  if (days > 0) {
    add(days, 'ngày', 'day');
  }
  if (hours > 0) {
    add(hours, 'giờ', 'hour');
  }
  if (minutes > 0 || (days === 0 && hours === 0)) {
    add(minutes, 'phút', 'minute');
  }
  return { vi: vi.join(' '), en: en.join(' ') };
}

/** "14/02–22/02" within a year, "30/12/2026–02/01/2027" across years. */
export function spanText(fromIso: string, toIso: string): string {
  const [fy, fm, fd] = fromIso.split('-');
  const [ty, tm, td] = toIso.split('-');
  if (fromIso === toIso) {
    return `${fd}/${fm}`;
  }
  return fy === ty ? `${fd}/${fm}–${td}/${tm}` : `${fd}/${fm}/${fy}–${td}/${tm}/${ty}`;
}

export function dueStep(dueAt: Date): DerivationStep {
  const time = formatTimeVi(dueAt);
  const date = formatDateVi(dueAt);
  return step(
    'DUE',
    { at: toVietnamIso(dueAt) },
    { vi: `hẹn trả ${time} ngày ${date}`, en: `due ${time} on ${weekdayNameEn(weekdayOf(dueAt))} ${date}` },
  );
}
