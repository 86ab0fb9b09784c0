import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkUpload,
  checkUploadSizes,
  DEFAULT_UPLOAD_LIMITS,
  type UploadLimits,
} from '../dossiers/check-upload.ts';
import { assertResultNotSigning, newResultFile } from './result-signing.ts';
import { runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * The specialist uploads the result document as a PDF (issue 7 §1; templates come with issue 7 §2). A new
 * upload replaces the previous one and clears its approval: the leader approves what will be returned.
 *
 * @throws AppError INVALID_STATE (the result awaits its signatures), VALIDATION_FAILED (`result`), UNSUPPORTED_MEDIA_TYPE (not a PDF), PAYLOAD_TOO_LARGE, and
 *   those of runWorkflowAction
 */
export async function uploadResult(
  options: WorkflowActionOptions & {
    readonly blobStore: BlobStore;
    readonly pdf?: Uint8Array | undefined;
    readonly limits?: UploadLimits;
  },
) {
  let blob: { sha256: string; size: number } | undefined;
  return runWorkflowAction({
    ...options,
    action: 'uploadResult',
    check: async (work) => {
      await assertResultNotSigning(options.trx ?? options.db, work.dossier.code);
      const pdf = options.pdf;
      if (!pdf || pdf.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'Attach the result PDF.', { fields: { result: 'required' } });
      }
      checkUploadSizes([{ bytes: pdf, label: 'Kết quả' }], options.limits ?? DEFAULT_UPLOAD_LIMITS);
      if (checkUpload(pdf, 'Kết quả') !== 'application/pdf') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The result must be a PDF.');
      }
      blob = await options.blobStore.put(pdf);
    },
    apply: async (_trx, _work, _locked, at) => newResultFile(blob, at),
  });
}
