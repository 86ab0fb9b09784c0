import { type RawBuilder, sql } from 'kysely';
import type { Db, DbExecutor } from '../../database.ts';
import { createStatementBatcherPerHandle } from '../../platform/db/statement-batcher.ts';
import type { Dossier, DossierStatusEvent } from './dossier.table.ts';
import type { DossierStatus } from './dossier-status.ts';

export async function findDossierByCode(db: DbExecutor, code: string): Promise<Dossier | undefined> {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listStatusEvents(db: DbExecutor, dossierId: string): Promise<DossierStatusEvent[]> {
  return db
    .selectFrom('dossier_status_events')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * What the public lookup reads: no personal data but the two values it compares against; the instants as
 * the API shows them, ISO 8601 in UTC to the millisecond (Date#toISOString's form).
 */
export type DossierLookupRow = Pick<
  Dossier,
  | 'code'
  | 'procedure_code'
  | 'procedure_name'
  | 'derivation_vi'
  | 'derivation_en'
  | 'status'
  | 'applicant_phone_digits'
  | 'applicant_identifier'
> & { received_at: string; due_at: string | null; timeline: { status: DossierStatus; at: string }[] };

/** An instant as Date#toISOString writes it (PostgreSQL's MS truncates microseconds, as Date does). */
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The dossier's public fields and its status timeline in one round trip (the public lookup is the hot read
 * path): only the columns the lookup shows or compares, so neither the applicant nor the documents (JSON)
 * are read, sent or parsed. It comes as one JSON value with the instants already formatted, so pg parses
 * one column and no date. Outside a transaction, lookups that arrive while one is running wait for it and
 * are then asked together, in one statement (platform/db/statement-batcher.ts): under load N lookups cost
 * one round trip, and a lone lookup goes at once. A named prepared statement
 * (platform/db/prepared-statements.ts): planning the timeline sub-select costs PostgreSQL more than running
 * it, so each connection parses it once and, past its first five executions, reuses one generic plan.
 */
export async function findDossierWithTimeline(
  db: DbExecutor,
  code: string,
): Promise<DossierLookupRow | undefined> {
  if (db.isTransaction) {
    return (await lookupStatement([code]).execute(db)).rows[0]?.dossier;
  }
  const lookup: Lookup = { code };
  await submitLookup(db, lookup);
  return lookup.found;
}

/** One code asked for; the statement writes the answer in. */
interface Lookup {
  readonly code: string;
  found?: DossierLookupRow | undefined;
}

/**
 * Lookup statements running at once per database handle: one, as for the intake (measured under the intake
 * benchmark: two at once gave no more lookups a second).
 */
const LOOKUPS_IN_FLIGHT = 1;
/** The most codes in one statement. */
const MAX_LOOKUPS_PER_STATEMENT = 64;
const submitLookup = createStatementBatcherPerHandle<Db, Lookup>((db) => ({
  run: async (lookups) => {
    const { rows } = await lookupStatement(lookups.map((l) => l.code)).execute(db);
    const byCode = new Map(rows.map(({ dossier }) => [dossier.code, dossier]));
    for (const lookup of lookups) {
      lookup.found = byCode.get(lookup.code);
    }
  },
  maxInFlight: LOOKUPS_IN_FLIGHT,
  maxBatch: MAX_LOOKUPS_PER_STATEMENT,
}));

/**
 * The lookup of several codes; they come as one JSON parameter, so one prepared text serves any number,
 * made an array once (an init plan) and matched with `= any`, an index condition on the code's unique index.
 */
function lookupStatement(codes: readonly string[]): RawBuilder<{ dossier: DossierLookupRow }> {
  return sql<{ dossier: DossierLookupRow }>`/* prepared: dossier-lookup */
    select json_build_object(
      'code', code, 'procedure_code', procedure_code, 'procedure_name', procedure_name,
      'received_at', to_char(received_at at time zone 'UTC', ${sql.raw(ISO_UTC)}),
      'due_at', to_char(due_at at time zone 'UTC', ${sql.raw(ISO_UTC)}),
      'derivation_vi', derivation_vi, 'derivation_en', derivation_en, 'status', status,
      'applicant_phone_digits', applicant_phone_digits, 'applicant_identifier', applicant_identifier,
      'timeline', coalesce((
        select json_agg(json_build_object('status', e.status, 'at', to_char(e.at at time zone 'UTC', ${sql.raw(ISO_UTC)}))
          order by e.at, e.id)
        from dossier_status_events e where e.dossier_id = dossiers.id), '[]'::json)) as dossier
    from dossiers
    where code = any(array(select json_array_elements_text(${JSON.stringify(codes)}::json)))`;
}
