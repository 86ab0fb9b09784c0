// Decree 30/2020 Art. 15 and Appendix III: a result's number and symbol `<n>/<type>-<issuer>` (leading zero
// below 10), the type abbreviation taken from the procedure's result type (shared/DOMAIN.md "Type
// abbreviations"). GCN (giấy chứng nhận) and GXN (giấy xác nhận) are not in Decree 30's list: they follow
// the older Circular 01/2011 and provincial practice (UNVERIFIED). A công văn ("Văn bản …") has no type
// abbreviation: `12/UBND`.
import type { Unit } from '../organisation/unit.table.ts';

const KINDS: readonly (readonly [RegExp, string])[] = [
  [/^quyết định/i, 'QĐ'],
  [/^giấy chứng nhận/i, 'GCN'],
  [/^giấy xác nhận/i, 'GXN'],
  [/^thông báo/i, 'TB'],
  [/^giấy phép/i, 'GP'],
  [/^biên bản/i, 'BB'],
  [/^hướng dẫn/i, 'HD'],
  [/^(văn bản|công văn)/i, ''],
];

/** The type abbreviation of a result type; GXN when nothing matches (a confirmation, UNVERIFIED). */
export function resultKindOf(resultType: string | null | undefined): string {
  const text = (resultType ?? '').trim();
  return KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? 'GXN';
}

/**
 * The issuer's abbreviation: UBND for a People's Committee (province, commune, ward), TTPVHCC for a one-stop
 * centre, else the initials of the unit's name (a department: "Sở Tư pháp" → STP; UNVERIFIED).
 */
export function issuerAbbreviation(unit: Pick<Unit, 'kind' | 'name'>): string {
  if (unit.kind === 'service-centre') {
    return 'TTPVHCC';
  }
  if (unit.kind !== 'department') {
    return 'UBND';
  }
  return unit.name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]?.toLocaleUpperCase('vi') ?? '')
    .join('');
}

/** The symbol after the number: `QĐ-UBND`, `UBND` (công văn). */
export function resultSymbol(kind: string, issuer: string): string {
  return kind ? `${kind}-${issuer}` : issuer;
}

/** `05/QĐ-UBND`, `12/UBND` (công văn): leading zero below 10. */
export function formatResultNotation(seq: number, kind: string, issuer: string): string {
  return `${String(seq).padStart(2, '0')}/${resultSymbol(kind, issuer)}`;
}
