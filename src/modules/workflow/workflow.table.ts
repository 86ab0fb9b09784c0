import type { ColumnType, Generated, Selectable } from 'kysely';
import type { StoredFile } from '../dossiers/dossier.table.ts';

/** Early / on time / late (trước hạn / đúng hạn / quá hạn), BM.05 and the finished dossier. */
export type Timeliness = 'early' | 'on_time' | 'late';

/** How a dossier was closed without a result: refused (→ 3), withdrawn (→ 7), stopped or referred (→ 8). */
export type Closure = 'refused' | 'withdrawn' | 'stopped' | 'referred';

/** The guidance slip of a referral to a higher level (issue 7 §4): where to submit, and what. */
export interface Referral {
  readonly authority: string;
  readonly address: string;
  readonly documents: readonly string[];
  readonly note: string;
}

/** One row per dossier, written on its first workflow action; absent: step 0, held by the receiving unit. */
export interface DossierWorkflowTable {
  dossier_id: string;
  /** The unit holding the dossier now (the receiving unit, its commune, or a unit it was handed to). */
  holder_unit_id: string;
  /** Index in the procedure's steps of the step under way. */
  step_index: number;
  assignee_staff_id: string | null;
  /** A role queue of the holder unit, when no person is assigned. */
  assignee_role: string | null;
  step_started_at: Date;
  /** The due date without the extension (the statutory one, pauses included): outcomes are measured on it. */
  statutory_due_at: Date | null;
  extension_days: number | null;
  extension_reason: string | null;
  extended_at: Date | null;
  payment_vnd: number | null;
  payment_note: string | null;
  result_sha256: string | null;
  result_size: number | null;
  result_uploaded_at: Date | null;
  approved_at: Date | null;
  approved_by: string | null;
  finished_at: Date | null;
  outcome: Timeliness | null;
  returned_at: Date | null;
  /** Who received the result at the counter (the applicant or their proxy), as written by the officer. */
  returned_to: string | null;
  /** The identity paper number the receiver showed, and the officer who handed over (issue 7 §2). */
  returned_to_identifier: string | null;
  returned_by_staff_id: string | null;
  closure: Closure | null;
  closure_reasons: string | null;
  referral: ColumnType<Referral | null, string | null, string | null>;
}

/** BM.05: one hand-over between steps or units, kept automatically. */
export interface DossierHandoverTable {
  id: Generated<string>;
  dossier_id: string;
  seq: number;
  from_step: number;
  to_step: number;
  from_unit_id: string;
  to_unit_id: string;
  given_by: string | null;
  given_by_name: string;
  given_at: Date;
  to_staff_id: string | null;
  to_role: string | null;
  received_by: string | null;
  received_by_name: string | null;
  received_at: Date | null;
  /** When the giver's step was due by its time budget. */
  step_due_at: Date | null;
  /** The giver's step against its budget. */
  result: Timeliness;
  note: string | null;
}

/** BM.02: one supplement request and, once supplied, what came back. */
export interface DossierSupplementTable {
  id: Generated<string>;
  dossier_id: string;
  requested_at: Date;
  requested_by: string | null;
  requested_by_name: string;
  items: ColumnType<readonly string[], string, string>;
  reason: string;
  contact: string;
  /** Whether the procedure lets the clock stop; if so `[requested_at, supplied_at)` is a pause. */
  is_clock_stopped: boolean;
  supplied_at: Date | null;
  supplied_via: 'counter' | 'online' | null;
  files: ColumnType<readonly StoredFile[], string | undefined, string>;
  supply_note: string | null;
}

/** The processing history shown to staff: every action with its comment or reasons. */
export interface DossierWorkEventTable {
  id: Generated<string>;
  dossier_id: string;
  action: string;
  at: Date;
  actor_name: string;
  note: string | null;
}

export interface WorkflowUnitSettingsTable {
  unit_id: string;
  /** Warn the handler and the one-stop staff this many working days before a due date (default 1). */
  warning_working_days: number;
}

/** Decree 30/2020 Art. 15: the last number issued per issuing unit and year (gapless, yearly reset). */
export interface ResultNumberCounterTable {
  unit_id: string;
  year: number;
  last_seq: number;
}

/** One sealed result in the register of the issuing unit: `Số: <seq>/<kind>-<issuer>`. */
export interface ResultRegisterTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  seq: number;
  /** The type abbreviation (QĐ, GCN, GXN, TB…), empty for a công văn. */
  kind: string;
  /** The number and symbol as printed, e.g. "05/QĐ-UBND". */
  notation: string;
  dossier_id: string;
  dossier_code: string;
  /** The result type and procedure ("trích yếu"). */
  summary: string;
  applicant_name: string;
  signature_request_id: string;
  numbered_by: string;
  numbered_by_name: string;
  numbered_at: Date;
}

/** A result template of a procedure: the province's default, or a commune's own (issue 7 §2). */
export interface ResultTemplateTable {
  unit_id: string;
  procedure_code: string;
  title: string;
  body: string;
  updated_by: string;
  updated_at: Date;
}

export type ResultRegisterEntry = Selectable<ResultRegisterTable>;
export type DossierWorkflow = Selectable<DossierWorkflowTable>;
export type DossierHandover = Selectable<DossierHandoverTable>;
export type DossierSupplement = Selectable<DossierSupplementTable>;
export type DossierWorkEvent = Selectable<DossierWorkEventTable>;

export interface WorkflowTables {
  dossier_workflows: DossierWorkflowTable;
  dossier_handovers: DossierHandoverTable;
  dossier_supplements: DossierSupplementTable;
  dossier_work_events: DossierWorkEventTable;
  workflow_unit_settings: WorkflowUnitSettingsTable;
  result_number_counters: ResultNumberCounterTable;
  result_register: ResultRegisterTable;
  result_templates: ResultTemplateTable;
}
