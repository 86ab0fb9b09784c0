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

/** "07/12/2026". */
export function registerDate(at: Date): string {
  const { day, month, year } = vietnamParts(at);
  return `${day}/${month}/${year}`;
}
