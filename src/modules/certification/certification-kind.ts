// The two kinds of certification the commune registers electronically (issue 7 §3; shared/DOMAIN.md
// "Certification at the commune"), the procedures they belong to, their number symbol and their fee.

export type CertificationKind = 'copy' | 'signature';

/** Type symbols of the certification number (Decree 23/2015, Circular 01/2020). */
export const KIND_SYMBOL: Readonly<Record<CertificationKind, string>> = {
  copy: 'SCT/BS',
  signature: 'SCT/CK,ĐC',
};

/** The national procedure codes of the catalogue (catalogue-seed-data.ts) and the kind each certifies. */
export const CERTIFICATION_PROCEDURES: Readonly<Record<string, CertificationKind>> = {
  '2.000815': 'copy',
  '2.000884': 'signature',
};

export function certificationKindOf(procedureCode: string): CertificationKind | undefined {
  return Object.hasOwn(CERTIFICATION_PROCEDURES, procedureCode)
    ? CERTIFICATION_PROCEDURES[procedureCode]
    : undefined;
}

/** The register book of a year: one electronic book per type and year. */
export const ELECTRONIC_BOOK = 1;

/** `<seq>/<book>/<year>/SCT/BS`, e.g. `15/1/2026/SCT/BS`. */
export function formatCertificationNumber(kind: CertificationKind, seq: number, book: number, year: number) {
  return `${seq}/${book}/${year}/${KIND_SYMBOL[kind]}`;
}

/**
 * Fee (Circular 226/2016/TT-BTC): a copy costs 2,000 đ per page for pages 1–2, 1,000 đ per further page,
 * at most 200,000 đ per copy; a signature certification 10,000 đ per case.
 */
export function certificationFee(kind: CertificationKind, pages: number, copies: number): number {
  if (kind === 'signature') {
    return 10_000;
  }
  const perCopy = Math.min(200_000, 2_000 * Math.min(pages, 2) + 1_000 * Math.max(0, pages - 2));
  return perCopy * copies;
}
