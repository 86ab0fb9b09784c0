// Dossier code per Circular 04/2025 (adding Art. 13.3 to Circular 03/2025), shared/DOMAIN.md:
// `<deciding body identifier>-YYMMDD-<seq>`, the sequence per body and per Vietnam day, at least 4 digits.
import { sql } from 'kysely';
import type { Trx } from '../../database.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';

/**
 * Takes the next sequence number of the body for the Vietnam day of `at`, inside the caller's transaction.
 * The upsert locks the counter row until commit, so concurrent intakes at one body queue there: no two get
 * the same number, and a rolled-back intake gives its number back (no gaps).
 */
export async function takeDossierCode(
  trx: Trx,
  body: { readonly id: string; readonly identifier_code: string },
  at: Date,
): Promise<string> {
  const day = vietnamDate(at);
  const result = await sql<{ last_seq: number }>`
    insert into dossier_code_counters (unit_id, day, last_seq) values (${body.id}, ${day}, 1)
    on conflict (unit_id, day) do update set last_seq = dossier_code_counters.last_seq + 1
    returning last_seq`.execute(trx);
  const seq = Number(result.rows[0]?.last_seq);
  return formatDossierCode(body.identifier_code, day, seq);
}

/** `G06.01`, `2026-02-13`, 7 → `G06.01-260213-0007` (more digits once past 9999). */
export function formatDossierCode(identifierCode: string, day: string, seq: number): string {
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${identifierCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

/** A well-formed dossier code (before any lookup), so junk never reaches the database. */
export const DOSSIER_CODE_PATTERN = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4,9}$/;
