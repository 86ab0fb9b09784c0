// Dates as the certification statement and register write them, in Vietnam's time (UTC+7).

function vietnamParts(at: Date): { day: string; month: string; year: number } {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return {
    day: String(local.getUTCDate()).padStart(2, '0'),
    month: String(local.getUTCMonth() + 1).padStart(2, '0'),
    year: local.getUTCFullYear(),
  };
}

/** "Ngày 07 tháng 12 năm 2026". */
export function statementDate(at: Date): string {
  const { day, month, year } = vietnamParts(at);
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–99 in Vietnamese words: "mười lăm", "hai mươi mốt", "ba mươi tư". */
function twoDigits(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) {
    return DIGITS[units] ?? '';
  }
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (units === 0) {
    return head;
  }
  const tail =
    units === 5 ? 'lăm' : units === 1 && tens > 1 ? 'mốt' : units === 4 && tens > 1 ? 'tư' : DIGITS[units];
  return `${head} ${tail}`;
}

/** 0–9999 in Vietnamese words: 2026 → "hai nghìn không trăm hai mươi sáu", 2105 → "… một trăm linh năm". */
export function numberInWords(n: number): string {
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (thousands > 0) {
    parts.push(`${DIGITS[thousands]} nghìn`);
  }
  if (thousands > 0 || hundreds > 0) {
    if (hundreds > 0 || rest > 0) {
      parts.push(`${DIGITS[hundreds]} trăm`);
    }
    if (rest > 0 && rest < 10) {
      parts.push(`linh ${DIGITS[rest]}`);
    } else if (rest >= 10) {
      parts.push(twoDigits(rest));
    }
  } else {
    parts.push(twoDigits(rest));
  }
  return parts.join(' ');
}

/** The date in words, as the signature statement writes it: "ngày mồng bảy tháng mười hai năm hai nghìn…". */
export function statementDateInWords(at: Date): string {
  const { day, month, year } = vietnamParts(at);
  const d = Number(day);
  const m = Number(month);
  const dayWords = d <= 10 ? `mồng ${twoDigits(d)}` : twoDigits(d);
  const monthWords = m === 4 ? 'tư' : twoDigits(m);
  return `ngày ${dayWords} tháng ${monthWords} năm ${numberInWords(year)}`;
}
