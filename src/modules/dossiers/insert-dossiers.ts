// The intake's write (issue 6 §3): the dossier under its code (dossier-code.ts), its first status, the
// citizen's message about that status and the intake's audit event, in ONE statement, for one dossier or
// for several intakes that arrived together (group commit, platform/db/statement-batcher.ts).
import { type RawBuilder, sql } from 'kysely';
import type { Db, DbExecutor } from '../../database.ts';
import { createStatementBatcherPerHandle } from '../../platform/db/statement-batcher.ts';
import type { PendingAuditRow } from '../audit-log/append-audit-event.ts';
import { notificationOutboxInsert } from '../notifications/enqueue-dossier-notification.ts';
import { STATUS_NOTIFICATIONS } from '../notifications/notification-kinds.ts';
import type { DossierStatus } from './dossier-status.ts';

/** What the intake writes; JSON columns already serialised. */
export interface DossierRow {
  readonly id: string;
  readonly code: string;
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

/** One intake's write: the dossier and, unless the caller appends it in its own transaction, its event. */
export interface DossierInsert {
  readonly row: DossierRow;
  readonly audit?: PendingAuditRow;
}

/**
 * Intake statements running at once per database handle: one, so every intake arriving while it runs
 * waits for it and goes in the next (measured: 2 or 4 at once gave smaller statements and more CPU per
 * intake, for no more intakes a second).
 */
const STATEMENTS_IN_FLIGHT = 1;
/** The most intakes in one statement. */
const MAX_INTAKES_PER_STATEMENT = 64;
const submitIntake = createStatementBatcherPerHandle<Db, DossierInsert>((db) => ({
  run: async (inserts) => {
    await dossierInsertStatement(inserts).execute(db);
  },
  maxInFlight: STATEMENTS_IN_FLIGHT,
  maxBatch: MAX_INTAKES_PER_STATEMENT,
}));

/**
 * Writes the dossier with its first status, the citizen's message (when that status has one) and, given,
 * its audit event, all in one statement: it commits (or fails) with its event, atomically, with no
 * transaction to open and commit around it. Outside a transaction, intakes that arrive while earlier ones
 * are being written wait for them and then go together in one statement (one round trip and one commit for
 * all); when the database refuses such a statement for one dossier's data, each is retried alone, so only
 * that one fails. Inside the caller's transaction it is that transaction's statement, alone.
 */
export async function insertDossier(executor: DbExecutor, insert: DossierInsert): Promise<void> {
  if (executor.isTransaction) {
    await dossierInsertStatement([insert]).execute(executor);
    return;
  }
  await submitIntake(executor, insert);
}

/**
 * insertDossier's statement, unexecuted (the intake benchmark also runs it bare, one intake at a time, as
 * the database's floor). Its rows come in two JSON parameters, so one prepared text serves any number of
 * intakes: the dossiers (each with the message its status sends, if any) and the audit events.
 */
export function dossierInsertStatement(inserts: readonly DossierInsert[]): RawBuilder<{ n: number }> {
  // The JSON columns go in as they are (already JSON), not as strings to be escaped here and parsed twice there.
  const dossiers = `[${inserts.map(({ row }) => dossierJson(row)).join(',')}]`;
  const events = JSON.stringify(inserts.flatMap(({ audit }) => (audit ? [audit] : [])));
  const notified = sql`(select dossier.*, input.notify from dossier join input using (id)
    where input.notify is not null)`;
  // Prepared once per connection on PostgreSQL (platform/db/prepared-statements.ts).
  return sql<{ n: number }>`/* prepared: dossier-insert */
    with input as (
      select * from json_to_recordset(${dossiers}::json) as i(id uuid, code text, unit_id uuid,
        procedure_code text, procedure_version_id uuid, procedure_name text, channel text, status integer,
        applicant jsonb, applicant_phone_digits text, applicant_identifier text, documents jsonb, fee_vnd integer,
        received_at timestamptz, due_at timestamptz, derivation_vi text, derivation_en text, derivation jsonb,
        refusal_reasons text, received_by uuid, citizen_id uuid, submitted_at timestamptz, notify text)
    ), dossier as (
      insert into dossiers (id, code, unit_id, procedure_code, procedure_version_id, procedure_name, channel,
        status, applicant, applicant_phone_digits, applicant_identifier, documents, fee_vnd, received_at, due_at,
        derivation_vi, derivation_en, derivation, refusal_reasons, received_by, citizen_id, submitted_at)
      select id, code, unit_id, procedure_code, procedure_version_id, procedure_name, channel, status,
        applicant, applicant_phone_digits, applicant_identifier, documents, fee_vnd, received_at,
        due_at, derivation_vi, derivation_en, derivation, refusal_reasons, received_by, citizen_id,
        submitted_at
      from input
      returning id, unit_id, code, procedure_name, due_at, applicant, status, received_at
    ), first_status as (
      insert into dossier_status_events (dossier_id, status, at)
      select id, status, received_at from dossier
    ), notified as (
      ${notificationOutboxInsert(notified, { kind: sql`d.notify`, at: sql`d.received_at` })}
    ), audited as (
      insert into audit_events (occurred_at, actor_type, actor_id, unit_id, action, subject_type, subject_id,
        request_id, state_digest, details, entry)
      select occurred_at, actor_type, actor_id, unit_id, action, subject_type, subject_id, request_id,
        state_digest, details, entry
      from json_to_recordset(${events}::json) as e(occurred_at timestamptz, actor_type text, actor_id text,
        unit_id uuid, action text, subject_type text, subject_id text, request_id text, state_digest text,
        details jsonb, entry text)
    )
    select count(*)::int as n from dossier`;
}

/** One dossier of the statement's first parameter: the row's JSON columns spliced in unescaped. */
function dossierJson(row: DossierRow): string {
  const { applicant, documents, derivation, ...scalars } = row;
  const notify = STATUS_NOTIFICATIONS[row.status as DossierStatus] ?? null;
  const head = JSON.stringify({ ...scalars, notify });
  return `${head.slice(0, -1)},"applicant":${applicant},"documents":${documents},"derivation":${derivation}}`;
}
