// Reads of a citizen's personal data by staff are events too (issue 4 §1, Law 91/2025 on personal data):
// opening a dossier page or its receipt appends `dossier.viewed`. The event is about a read, so it carries
// no personal data and no state digest: the dossier's id and code and what was opened.
import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import type { Dossier } from './dossier.table.ts';

/** What a staff member opened: the dossier page, the BM.01 receipt page, or the receipt as a PDF. */
export type DossierViewKind = 'page' | 'receipt' | 'receipt-pdf';

export async function recordDossierView(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  dossier: Pick<Dossier, 'id' | 'code' | 'unit_id'>;
  kind: DossierViewKind;
}): Promise<void> {
  await options.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'dossier.viewed',
      unitId: options.dossier.unit_id,
      subjectType: 'dossier',
      subjectId: options.dossier.id,
      requestId: options.requestId,
      details: { code: options.dossier.code, view: options.kind },
    }),
  );
}
