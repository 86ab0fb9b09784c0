/**
 * The human summary of a verification report: one Vietnamese line, then its English translation, per fact.
 */
import { isoWithOffset } from './internal/dates.ts';
import type { PdfSignatureReport, PdfVerdict, PdfVerificationReport } from './verify-pdf.ts';

const VERDICT: Record<PdfVerdict, [string, string]> = {
  TOTAL_PASSED: ['HỢP LỆ', 'VALID'],
  TOTAL_FAILED: ['KHÔNG HỢP LỆ', 'INVALID'],
  INDETERMINATE: ['CHƯA XÁC ĐỊNH', 'INDETERMINATE'],
};

export function formatPdfVerification(report: PdfVerificationReport): string {
  const [vi, en] = VERDICT[report.verdict];
  const lines = [`Kết quả: ${vi} (${report.verdict})`, `Result: ${en} (${report.verdict})`];
  if (report.signatures.length === 0) {
    lines.push('Tài liệu không có chữ ký số.', 'The document has no digital signature.');
  }
  for (const [i, s] of report.signatures.entries()) {
    lines.push(...describe(s, i + 1));
  }
  return `${lines.join('\n')}\n`;
}

function describe(s: PdfSignatureReport, n: number): string[] {
  const [vi, en] = VERDICT[s.verdict];
  const who = s.signer?.commonName ?? '?';
  const level = s.level ? `, PAdES ${s.level}` : '';
  const iso = s.timestampTime ?? s.claimedSigningTime;
  const time = iso ? isoWithOffset(new Date(iso), 420) : '?'; // shown in Vietnam time, +07:00
  const lines =
    s.kind === 'document-timestamp'
      ? [
          `Dấu thời gian tài liệu ${n} (${s.fieldName}): ${who} — ${vi}, lúc ${time}`,
          `Document timestamp ${n} (${s.fieldName}): ${who} — ${en}, at ${time}`,
        ]
      : [
          `Chữ ký ${n} (${s.fieldName}): ${who} — ${vi}${level}, ký lúc ${time}`,
          `Signature ${n} (${s.fieldName}): ${who} — ${en}${level}, signed at ${time}`,
        ];
  if (s.modifications.disallowed.length > 0) {
    lines.push(
      `  Tài liệu bị sửa đổi sau khi ký: ${s.modifications.disallowed.join('; ')}`,
      `  Modified after signing: ${s.modifications.disallowed.join('; ')}`,
    );
  }
  const codes = [...s.problems, ...(s.cms?.problems ?? [])];
  if (codes.length > 0) {
    lines.push(`  Lý do / Reasons: ${codes.join(', ')}`);
  }
  return lines;
}
