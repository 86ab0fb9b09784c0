// Dates as the forms print them, in Vietnam time. Vietnam has used UTC+7 without daylight saving since
// 1975, so a fixed offset is exact and needs no time-zone database (and the output is deterministic).

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

interface VietnamParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function vietnamParts(date: Date): VietnamParts {
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `hh:mm dd/mm/yyyy` as BM.01 prints the receipt and appointment times (shared/DOMAIN.md "Dossiers"). */
export function formatFormTime(date: Date): string {
  const p = vietnamParts(date);
  return `${two(p.hour)}:${two(p.minute)} ${two(p.day)}/${two(p.month)}/${p.year}`;
}

/**
 * The place-and-date line of Decree 30/2020 Appendix I: "Bình Ca, ngày 05 tháng 01 năm 2026" — a leading
 * zero for days below 10 and for months 1 and 2 only ("ngày 05 tháng 3 năm 2026").
 */
export function formatPlaceDate(place: string, date: Date): string {
  const p = vietnamParts(date);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `${place}, ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}
