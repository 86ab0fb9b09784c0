// Tables of the signature requests module (issue 5 §4): one row per PDF to sign, and its history.
import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * awaiting_leader → awaiting_seal → completed (or awaiting_leader → completed when no seal is needed);
 * awaiting_leader → returned (the leader declines, with a reason); awaiting_* → cancelled (the creator).
 */
export type SignatureRequestState =
  | 'awaiting_leader'
  | 'awaiting_seal'
  | 'completed'
  | 'returned'
  | 'cancelled';

export const OPEN_STATES: readonly SignatureRequestState[] = ['awaiting_leader', 'awaiting_seal'];

/** A rectangle in PDF points on a 1-based page. */
export interface FieldBox {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the signatures go: the signature fields prepared in the PDF when the request was made. */
export interface SignaturePlacement {
  readonly pageCount: number;
  /** Size of the page holding the leader's field, for the preview. */
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly leaderField: string;
  readonly leader: FieldBox;
  readonly sealField: string | null;
  readonly seal: FieldBox | null;
}

export interface SignatureRequestTable {
  id: string;
  /** The unit whose leader signs and whose seal is applied. */
  unit_id: string;
  /** What is signed, for the module that asked: 'document', 'dossier-result', 'receipt', 'certified-copy'… */
  subject_type: string;
  subject_id: string;
  title: string;
  state: SignatureRequestState;
  needs_seal: boolean;
  signer_staff_id: string;
  created_by_staff_id: string | null;
  sealed_by_staff_id: string | null;
  /** SHA-256 (blob name) of the PDF as submitted, and of its latest signed revision. */
  original_sha256: string;
  current_sha256: string;
  placement: ColumnType<SignaturePlacement, string, string>;
  return_reason: string | null;
  leader_signed_at: Date | null;
  sealed_at: Date | null;
  completed_at: Date | null;
  /** When it was returned or cancelled. */
  closed_at: Date | null;
  /** Idempotency keys of the signing and sealing forms that moved it (a re-post is recognised). */
  sign_key: string | null;
  seal_key: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type SignatureRequestStep = 'created' | 'signed' | 'sealed' | 'returned' | 'cancelled';

export interface SignatureRequestEventTable {
  id: Generated<string>;
  request_id: string;
  step: SignatureRequestStep;
  staff_id: string | null;
  note: string | null;
  at: Date;
}

export type SignatureRequest = Selectable<SignatureRequestTable>;
export type SignatureRequestEvent = Selectable<SignatureRequestEventTable>;

export interface SignatureRequestTables {
  signature_requests: SignatureRequestTable;
  signature_request_events: SignatureRequestEventTable;
}
