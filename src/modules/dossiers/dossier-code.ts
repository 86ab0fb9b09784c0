// Dossier code per Circular 04/2025 (adding Art. 13.3 to Circular 03/2025), shared/DOMAIN.md:
// `<deciding body identifier>-YYMMDD-<seq>`, the sequence per body and per Vietnam day, at least 4 digits.
import { sql } from 'kysely';
import type { Trx } from '../../database.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';

/** What the intake writes besides the code; JSON columns already serialised. */
export interface DossierRowWithoutCode {
  readonly id: string;
  readonly unit_id: string;
  readonly procedure_code: string;
  readonly procedure_version_id: string;
  readonly procedure_name: string;
  readonly channel: string;
  readonly status: number;
  readonly applicant: string;
  readonly applicant_phone_digits: string;
  readonly applicant_identifier: string;
  readonly documents: string;
  readonly fee_vnd: number;
  readonly received_at: Date;
  readonly due_at: Date | null;
  readonly derivation_vi: string | null;
  readonly derivation_en: string | null;
  readonly derivation: string;
  readonly refusal_reasons: string | null;
  readonly received_by: string | null;
  /** Online submissions: the citizen and the submission time. */
  readonly citizen_id?: string | null;
  readonly submitted_at?: Date | null;
}

/**
 * Takes the next sequence number of the deciding body for the Vietnam day of the reception and inserts the
 * dossier under that code with its first status, in ONE statement inside the caller's transaction. The
 * upsert locks the counter row until commit, so concurrent intakes at one body queue there: no two get the
 * same number, and a rolled-back intake gives its number back (no gaps). One statement keeps the time the
 * lock is held (up to the commit) as short as possible.
 */
export async function insertDossierWithCode(
  trx: Trx,
  body: { readonly id: string; readonly identifier_code: string },
  row: DossierRowWithoutCode,
): Promise<string> {
  const day = vietnamDate(row.received_at);
  const prefix = formatDossierCode(body.identifier_code, day, 0).slice(0, -4);
  const result = await sql<{ code: string }>`
    with seq as (
      insert into dossier_code_counters (unit_id, day, last_seq) values (${body.id}, ${day}, 1)
      on conflict (unit_id, day) do update set last_seq = dossier_code_counters.last_seq + 1
      returning last_seq
    ), dossier as (
      insert into dossiers (id, code, unit_id, procedure_code, procedure_version_id, procedure_name, channel,
        status, applicant, applicant_phone_digits, applicant_identifier, documents, fee_vnd, received_at, due_at,
        derivation_vi, derivation_en, derivation, refusal_reasons, received_by, citizen_id, submitted_at)
      select ${row.id}, ${prefix} || lpad(seq.last_seq::text, greatest(4, length(seq.last_seq::text)), '0'),
        ${row.unit_id}, ${row.procedure_code}, ${row.procedure_version_id}, ${row.procedure_name}, ${row.channel},
        ${row.status}, ${row.applicant}::jsonb, ${row.applicant_phone_digits}, ${row.applicant_identifier},
        ${row.documents}::jsonb, ${row.fee_vnd}, ${row.received_at}, ${row.due_at}, ${row.derivation_vi},
        ${row.derivation_en}, ${row.derivation}::jsonb, ${row.refusal_reasons}, ${row.received_by}, ${row.citizen_id ?? null},
        ${row.submitted_at ?? null}
      from seq
      returning id, code, status, received_at
    ), first_status as (
      insert into dossier_status_events (dossier_id, status, at)
      select id, status, received_at from dossier
    )
    select code from dossier`.execute(trx);
  const code = result.rows[0]?.code;
  if (!code) {
    throw new Error('the dossier insert returned no code');
  }
  return code;
}

/** `G06.01`, `2026-02-13`, 7 → `G06.01-260213-0007` (more digits once past 9999). */
export function formatDossierCode(identifierCode: string, day: string, seq: number): string {
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${identifierCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

/** A well-formed dossier code (before any lookup), so junk never reaches the database. */
export const DOSSIER_CODE_PATTERN = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4,9}$/;

/**
 * The dossier code in what a citizen typed or a scanner typed from the receipt's QR code (which holds the
 * lookup URL, `…/tra-cuu?code=<code>`): the `code` parameter of a URL, else the text itself, trimmed.
 */
export function dossierCodeFromInput(input: string): string {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      return (new URL(text).searchParams.get('code') ?? '').trim().toUpperCase();
    } catch {
      return '';
    }
  }
  return text.toUpperCase();
}
