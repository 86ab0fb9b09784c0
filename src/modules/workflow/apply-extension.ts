// The one extension of a dossier granted outside the workflow's BM.04 action (issue 7 §3: a certification
// with many papers or complex content, shared/DOMAIN.md "Certification at the commune"), inside the
// caller's transaction: the workflow row locked (once only), the due date recomputed by the calendar engine
// and stored on the dossier, the extension recorded, the citizen's message with the new date queued.
import type { Trx } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import { enqueueDossierNotification } from '../notifications/enqueue-dossier-notification.ts';
import { recomputeDueDate } from './dossier-deadline.ts';
import { initialWorkflow } from './load-dossier-work.ts';
import { lockWorkflow, updateWorkflow } from './workflow.repository.ts';

/** @throws AppError INVALID_STATE (an extension was granted already) */
export async function applyExtension(
  trx: Trx,
  dossier: Dossier,
  extension: { readonly days: number; readonly reason: string; readonly at: Date },
): Promise<{ previousDueAt: Date | null; dueAt: Date }> {
  const locked = await lockWorkflow(trx, { ...initialWorkflow(dossier), referral: null });
  if (locked.extension_days !== null) {
    throw new AppError('INVALID_STATE', 'The one extension of this dossier was granted already.');
  }
  const due = await recomputeDueDate(trx, dossier, extension.days);
  await updateWorkflow(trx, dossier.id, {
    extension_days: extension.days,
    extension_reason: extension.reason,
    extended_at: extension.at,
    statutory_due_at: due.statutoryDueAt,
  });
  await enqueueDossierNotification(trx, {
    dossierId: dossier.id,
    kind: 'late',
    at: extension.at,
    newDueAt: due.dueAt,
  });
  return { previousDueAt: dossier.due_at, dueAt: due.dueAt };
}
