/** Dates: PDF date strings (ISO 32000-2 §7.9.4) and ISO 8601 with the Vietnam offset for people. */

/** §12.8.1 /M and §7.9.4 date strings: D:YYYYMMDDHHmmSS+HH'mm'. */
export function pdfDate(date: Date, offsetMinutes = 0): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `D:${p(shifted.getUTCFullYear(), 4)}${p(shifted.getUTCMonth() + 1)}${p(shifted.getUTCDate())}${p(shifted.getUTCHours())}${p(shifted.getUTCMinutes())}${p(shifted.getUTCSeconds())}`;
  if (offsetMinutes === 0) {
    return `${base}Z`;
  }
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${p(Math.floor(abs / 60))}'${p(abs % 60)}'`;
}

export function parsePdfDate(text: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) {
    return undefined;
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = m;
  let offset = 0;
  if (tz !== 'Z') {
    const digits = tz.replace(/'/g, '');
    offset =
      (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return new Date(Date.UTC(+y!, +mo - 1, +d, +h, +mi, +s) - offset * 60_000);
}

/** ISO 8601 with a numeric offset, e.g. 2026-01-05T09:30:00+07:00 (DOMAIN.md, Decree 30/2020). */
export function isoWithOffset(date: Date, offsetMinutes: number): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
