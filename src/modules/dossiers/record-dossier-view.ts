// Reads of a citizen's personal data by staff are events too (issue 4 §1, Law 91/2025 on personal data):
// opening a dossier page, its receipt or refusal, one of its scans or supplied files, a processing form
// (BM.02, BM.04, BM.05, referral slip, return record), its result (uploaded or sealed), its certifications
// or a certified copy appends `dossier.viewed`. The event is about a read, so it carries no personal data
// and no state digest: the dossier's id and code and what was opened.
import type { DbExecutor, Trx } from '../../database.ts';
import { type AuditEventInput, appendAuditEvent, auditEventInsert } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import type { Dossier } from './dossier.table.ts';

/** What a staff member opened (`-pdf`: the PDF of the printable page before it). */
export type DossierViewKind =
  /** The dossier page (with its processing section and history), or the dossier through the API. */
  | 'page'
  /** The BM.01 receipt. */
  | 'receipt'
  | 'receipt-pdf'
  /** The BM.01 receipt signed by the receiving officer (PDF). */
  | 'signed-receipt'
  /** The BM.03 refusal. */
  | 'refusal'
  | 'refusal-pdf'
  /** An uploaded scan (`file`: its SHA-256). */
  | 'scan'
  /** A file the applicant supplied after a BM.02 request (`file`: its SHA-256). */
  | 'supplied-file'
  /** A processing form (`item`: bm02, bm04, bm05, referral, return). */
  | 'form'
  | 'form-pdf'
  /** The uploaded (unsigned) result PDF. */
  | 'result'
  /** The signed and sealed result PDF. */
  | 'signed-result'
  /** The certification page of the dossier (its register entries and the certify form). */
  | 'certifications'
  /** A certified copy (`item`: the certification's id). */
  | 'certified-pdf'
  /** A document of the dossier being signed or signed (`item`: the signature request's id). */
  | 'signature-pdf';

export interface DossierView {
  actor: StaffActor;
  requestId: string | null;
  dossier: Pick<Dossier, 'id' | 'code' | 'unit_id'>;
  kind: DossierViewKind;
  /** A scan or supplied file: its SHA-256 (which file, not what it shows). */
  file?: string;
  /** Which form or certification (a form kind, an id). */
  item?: string;
}

/** Appends the view inside the caller's transaction (the one that reads what is shown). */
export async function appendDossierView(trx: Trx, view: DossierView): Promise<void> {
  await appendAuditEvent(trx, dossierViewEvent(view));
}

function dossierViewEvent(view: DossierView): AuditEventInput {
  return {
    actor: { type: 'staff', id: view.actor.staffId },
    action: 'dossier.viewed',
    unitId: view.dossier.unit_id,
    subjectType: 'dossier',
    subjectId: view.dossier.id,
    requestId: view.requestId,
    details: {
      code: view.dossier.code,
      view: view.kind,
      ...(view.file === undefined ? {} : { file: view.file }),
      ...(view.item === undefined ? {} : { item: view.item }),
    },
  };
}

/**
 * Appends the view in the caller's transaction when `db` is one, else as one statement of its own (a read
 * changes nothing the event must commit with: no transaction to open and commit around it).
 */
export async function recordDossierView(options: DossierView & { db: DbExecutor }): Promise<void> {
  await auditEventInsert(dossierViewEvent(options)).execute(options.db);
}
