import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkUpload,
  checkUploadSizes,
  DEFAULT_UPLOAD_LIMITS,
  type UploadLimits,
} from '../dossiers/check-upload.ts';
import type { StoredFile } from '../dossiers/dossier.table.ts';
import { recomputeDueDate } from './dossier-deadline.ts';
import { optionalText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';
import { completeSupplement, findOpenSupplement } from './workflow.repository.ts';

/**
 * The applicant supplies what a BM.02 slip asked for (5 → 4, issue 7 §1): at the counter (a receptionist
 * records it, scans optional) or online (the signed-in applicant, at least one file). The pause ends now;
 * the due date is recomputed from reception with every pause and the extension, and stored on the dossier,
 * so the receipt and the public lookup show the new date.
 *
 * @throws AppError VALIDATION_FAILED (`files`), UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, INVALID_STATE
 *   (no open request), and those of runWorkflowAction
 */
export async function supplyDossier(
  options: WorkflowActionOptions & {
    readonly blobStore: BlobStore;
    readonly files?: readonly Uint8Array[];
    readonly note?: string;
    readonly limits?: UploadLimits;
  },
) {
  const via = options.actor.kind === 'citizen' ? 'online' : 'counter';
  const uploads = (options.files ?? []).filter((bytes) => bytes.length > 0);
  const stored: StoredFile[] = [];
  return runWorkflowAction({
    ...options,
    action: 'supply',
    check: async () => {
      if (via === 'online' && uploads.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'Attach the missing documents.', {
          fields: { files: 'required' },
        });
      }
      const labelled = uploads.map((bytes, i) => ({ bytes, label: `Tệp ${i + 1}` }));
      checkUploadSizes(labelled, options.limits ?? DEFAULT_UPLOAD_LIMITS);
      const types = labelled.map((u) => checkUpload(u.bytes, u.label));
      // Content-addressed, before the transaction: an unreferenced blob is harmless.
      for (const [i, bytes] of uploads.entries()) {
        const blob = await options.blobStore.put(bytes);
        stored.push({ ...blob, mediaType: types[i] as StoredFile['mediaType'] });
      }
    },
    apply: async (trx, work, locked, at) => {
      const open = await findOpenSupplement(trx, work.dossier.id);
      if (!open) {
        throw new AppError('INVALID_STATE', 'No supplement request is awaiting an answer.');
      }
      await completeSupplement(trx, open.id, {
        supplied_at: at,
        supplied_via: via,
        files: JSON.stringify(stored),
        supply_note: optionalText(options.note),
      });
      const due = await recomputeDueDate(trx, work.dossier, locked.extension_days);
      return {
        workflow: { statutory_due_at: due.statutoryDueAt },
        note: optionalText(options.note),
        details: { supplementId: open.id, via, files: stored.length, dueAt: due.dueAt.toISOString() },
        result: { dueAt: due.dueAt },
      };
    },
  });
}
