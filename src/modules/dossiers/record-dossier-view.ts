// Reads of a citizen's personal data by staff are events too (issue 4 §1, Law 91/2025 on personal data):
// opening a dossier page, its receipt or one of its scans appends `dossier.viewed`. The event is about a
// read, so it carries no personal data and no state digest: the dossier's id and code and what was opened.
import type { Db, Trx } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import type { Dossier } from './dossier.table.ts';

/** What a staff member opened: the dossier page, the BM.01 receipt page or PDF, or an uploaded scan. */
export type DossierViewKind = 'page' | 'receipt' | 'receipt-pdf' | 'scan';

export interface DossierView {
  actor: StaffActor;
  requestId: string | null;
  dossier: Pick<Dossier, 'id' | 'code' | 'unit_id'>;
  kind: DossierViewKind;
  /** A scan: its SHA-256 (which file, not what it shows). */
  file?: string;
}

/** Appends the view inside the caller's transaction (the one that reads what is shown). */
export async function appendDossierView(trx: Trx, view: DossierView): Promise<void> {
  await appendAuditEvent(trx, {
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
    },
  });
}

export async function recordDossierView(options: DossierView & { db: Db }): Promise<void> {
  await options.db.transaction().execute((trx) => appendDossierView(trx, options));
}
