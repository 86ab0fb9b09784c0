// Tables of the certification module (issue 7 §3): the yearly counters and the electronic register.
import type { ColumnType, Selectable } from 'kysely';
import type { CertificationKind } from './certification-kind.ts';

export interface CertificationCounterTable {
  unit_id: string;
  kind: CertificationKind;
  year: number;
  last_seq: number;
}

/** One entry of the electronic certification register: one paper certified (its copies share the number). */
export interface CertificationTable {
  id: string;
  unit_id: string;
  kind: CertificationKind;
  year: number;
  seq: number;
  /** The register book (quyển số) of the year. */
  book: number;
  /** `<seq>/<book>/<year>/SCT/BS` or `…/SCT/CK,ĐC`. */
  number: string;
  dossier_id: string;
  requester_name: string;
  paper_title: string;
  copies: number;
  pages: number;
  fee_vnd: number;
  signer_staff_id: string;
  signer_name: string;
  signer_title: string;
  officer_staff_id: string;
  officer_name: string;
  /** The scan as uploaded; the certified PDF is the signature request's. */
  original_sha256: string;
  signature_request_id: string;
  state: 'awaiting_signature' | 'completed';
  certified_at: Date;
  completed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type Certification = Selectable<CertificationTable>;

export interface CertificationTables {
  certification_counters: CertificationCounterTable;
  certifications: CertificationTable;
}
