// CSV export of the statistics (issue 7 §7): RFC 4180, UTF-8 with a byte-order mark so spreadsheet
// programs read the Vietnamese correctly, one line per unit and procedure and a total line.
import { onTimeRate, type UnitStatistics } from './get-unit-statistics.ts';
import { COUNT_KEYS, type StatisticsCounts } from './statistics.repository.ts';

const HEADER = [
  'Đơn vị',
  'Mã thủ tục',
  'Tên thủ tục',
  'Tiếp nhận',
  'Đang giải quyết',
  'Trong đó quá hạn',
  'Trước hạn',
  'Đúng hạn',
  'Trễ hạn',
  'Đã trả kết quả',
  'Yêu cầu bổ sung',
  'Từ chối',
  'Tỉ lệ đúng hạn (%)',
];

/** A field quoted when needed; a leading = + - @ is defused so no spreadsheet runs it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function counts(c: StatisticsCounts): (string | number)[] {
  const rate = onTimeRate(c);
  return [...COUNT_KEYS.map((key) => c[key]), rate === null ? '' : (rate * 100).toFixed(1)];
}

export function statisticsCsv(stats: UnitStatistics): string {
  const lines = [
    HEADER,
    ...stats.rows.map((r) => [r.unitName, r.procedureCode, r.procedureName, ...counts(r)]),
    [stats.unit.name, '', 'Tổng cộng', ...counts(stats.totals)],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function statisticsCsvFilename(stats: UnitStatistics): string {
  return `thong-ke-${stats.unit.identifier_code}-${stats.period.from}-${stats.period.to}.csv`;
}
