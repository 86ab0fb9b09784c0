// The next number of the electronic register (issue 7 §3): taken from the counter row of the commune, type
// and year inside the caller's transaction. The upsert locks that row until the transaction ends, so two
// officers certifying at once get consecutive numbers, and a rolled-back certification gives its number
// back (no gaps). A new year starts a new row, hence numbering restarts at 1.
import type { Trx } from '../../database.ts';
import { type CertificationKind, ELECTRONIC_BOOK, formatCertificationNumber } from './certification-kind.ts';

export interface AssignedNumber {
  readonly seq: number;
  readonly book: number;
  readonly year: number;
  readonly number: string;
}

/** The register year of an instant: the calendar year in Vietnam (UTC+7). */
export function registerYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

export async function assignCertificationNumber(
  trx: Trx,
  options: { readonly unitId: string; readonly kind: CertificationKind; readonly at: Date },
): Promise<AssignedNumber> {
  const year = registerYear(options.at);
  const row = await trx
    .insertInto('certification_counters')
    .values({ unit_id: options.unitId, kind: options.kind, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'kind', 'year'])
        .doUpdateSet((eb) => ({ last_seq: eb('certification_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const seq = row.last_seq;
  return {
    seq,
    book: ELECTRONIC_BOOK,
    year,
    number: formatCertificationNumber(options.kind, seq, ELECTRONIC_BOOK, year),
  };
}
