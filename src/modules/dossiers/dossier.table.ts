import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DerivationStep } from '../../lib/calendar/index.ts';
import type { DossierChannel, DossierStatus } from './dossier-status.ts';

/** The applicant as entered at intake (BM.01: name, identifier, address, phone, email, proxy). */
export interface Applicant {
  readonly fullName: string;
  /** Số định danh cá nhân (12 digits) or an organisation identifier. */
  readonly personalIdentifier: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string | null;
  /** Set when a proxy hands the dossier in on the applicant's behalf. */
  readonly proxy: { readonly fullName: string; readonly authorisation: string } | null;
}

/** One required document of the procedure, ticked as received, with its uploaded scans. */
export interface ReceivedDocument {
  /** Index in the procedure version's `documents`. */
  readonly index: number;
  readonly name: string;
  readonly files: readonly StoredFile[];
}

export interface StoredFile {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
}

export interface DossierTable {
  id: Generated<string>;
  /** `<deciding body identifier>-YYMMDD-<seq>` (Circular 04/2025); unique. */
  code: string;
  unit_id: string;
  procedure_code: string;
  procedure_version_id: string;
  procedure_name: string;
  channel: DossierChannel;
  status: DossierStatus;
  applicant: ColumnType<Applicant, string, string>;
  /** The applicant's phone digits, kept apart so lookup compares the last four without parsing JSON. */
  applicant_phone_digits: string;
  applicant_identifier: string;
  documents: ColumnType<readonly ReceivedDocument[], string, string>;
  fee_vnd: number;
  received_at: Date;
  due_at: Date | null;
  /** The due date's derivation as rendered at intake (renderDerivation), and its steps as data. */
  derivation_vi: string | null;
  derivation_en: string | null;
  derivation: ColumnType<readonly DerivationStep[], string, string>;
  refusal_reasons: string | null;
  received_by: string | null;
  created_at: ColumnType<Date, never, never>;
  /** Online (and kiosk) submissions: the citizen who submitted, and when. */
  citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When a receptionist refused an online dossier (BM.03 is dated then); null for counter refusals. */
  refused_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** The applicant fields of a draft, as the citizen typed them (checked only on submission). */
export interface DraftFields {
  readonly address?: string | undefined;
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
}

/** A citizen's unfinished online form (issue 6 §3 "save a draft"), with the scans already stored. */
export interface DossierDraftTable {
  id: Generated<string>;
  citizen_id: string;
  unit_id: string;
  procedure_code: string;
  procedure_name: string;
  fields: ColumnType<DraftFields, string, string>;
  /** The ticked documents with their stored scans. */
  documents: ColumnType<readonly ReceivedDocument[], string, string>;
  created_at: ColumnType<Date, never, never>;
  updated_at: Date;
}

/** The status timeline shown on lookup: one row per change, in plain words only (no personal data). */
export interface DossierStatusEventTable {
  id: Generated<string>;
  dossier_id: string;
  status: DossierStatus;
  at: Date;
}

/** The per-body, per-Vietnam-day sequence of dossier codes, taken inside the intake transaction. */
export interface DossierCodeCounterTable {
  unit_id: string;
  day: string;
  last_seq: number;
}

export type Dossier = Selectable<DossierTable>;
export type DossierStatusEvent = Selectable<DossierStatusEventTable>;
export type DossierDraft = Selectable<DossierDraftTable>;

export interface DossierTables {
  dossiers: DossierTable;
  dossier_status_events: DossierStatusEventTable;
  dossier_code_counters: DossierCodeCounterTable;
  dossier_drafts: DossierDraftTable;
}
