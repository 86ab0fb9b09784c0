import type { DerivationCode, DerivationStep } from './types.ts';

/** Steps introduced by an arrow: where the count starts, and the result. */
const ARROW: ReadonlySet<DerivationCode> = new Set(['START_NEXT_WORKING_DAY', 'START_NEXT_SESSION', 'DUE']);

/**
 * One line of text from a derivation, as shown on the receipt (BM.01) and the lookup page:
 * "nhận 16:40 thứ Sáu 13/02/2026 → sau 15:00: tính từ ngày làm việc tiếp theo, 07:00 thứ Hai 23/02/2026;
 * 5 ngày làm việc; trừ Tết Nguyên đán 14/02–22/02 → hẹn trả 17:00 ngày 27/02/2026".
 */
export function renderDerivation(steps: readonly DerivationStep[], language: 'vi' | 'en' = 'vi'): string {
  let line = '';
  for (const [index, step] of steps.entries()) {
    if (index > 0) {
      line += ARROW.has(step.code) ? ' → ' : '; ';
    }
    line += step[language];
  }
  return line;
}
