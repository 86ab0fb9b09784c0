import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { findResultSignature, isOpenRequest, requestResultSignature } from './result-signing.ts';
import {
  invalidState,
  optionalText,
  runWorkflowAction,
  type WorkflowActionOptions,
} from './run-workflow-action.ts';

/**
 * The leader approves the uploaded result (issue 7 §1). With the blob store (the web and the API pass it),
 * the approval also sends the result for signing (issue 7 §2, result-signing.ts): the leader's signature,
 * then the unit's seal, whose completion marks the dossier processed. A request the leader returned or
 * someone cancelled may be approved again (a new request); without any signing certificate on the units
 * reaching the dossier, the approval stands alone (a paper-signed result, marked processed by hand).
 *
 * @throws AppError INVALID_STATE (no result uploaded, already approved, or awaiting signatures), and those
 *   of runWorkflowAction and createSignatureRequest
 */
export async function approveResult(
  options: WorkflowActionOptions & { readonly note?: string; readonly blobStore?: BlobStore },
) {
  return runWorkflowAction({
    ...options,
    action: 'approve',
    check: async (work) => {
      if (!work.workflow.result_sha256) {
        throw invalidState('No result has been uploaded yet.');
      }
      const latest = await findResultSignature(options.trx ?? options.db, work.dossier.code);
      if (isOpenRequest(latest)) {
        throw invalidState('The result is already awaiting the signatures.');
      }
      const closed = latest?.state === 'returned' || latest?.state === 'cancelled';
      if (work.workflow.approved_at && !(closed && options.blobStore)) {
        throw invalidState('The result is already approved.');
      }
    },
    apply: async (trx, work, locked, at) => {
      const sha256 = locked.result_sha256;
      const request =
        options.blobStore && sha256
          ? await requestResultSignature(trx, {
              blobStore: options.blobStore,
              work,
              actor: options.actor,
              requestId: options.requestId,
              resultSha256: sha256,
              at,
            })
          : undefined;
      return {
        workflow: {
          approved_at: at,
          approved_by: options.actor.kind === 'staff' ? options.actor.staffId : null,
        },
        note: optionalText(options.note),
        details: { sha256, signatureRequest: request?.id ?? null },
        result: { signatureRequestId: request?.id ?? null },
      };
    },
  });
}
