import {
  invalidState,
  optionalText,
  runWorkflowAction,
  type WorkflowActionOptions,
} from './run-workflow-action.ts';

/**
 * The leader approves the uploaded result (issue 7 §1). The leader's signature and the unit's seal come
 * with remote signing (issue 7 §2): that step will sit between this approval and markProcessed.
 *
 * @throws AppError INVALID_STATE (no result uploaded, or already approved), and those of runWorkflowAction
 */
export async function approveResult(options: WorkflowActionOptions & { readonly note?: string }) {
  return runWorkflowAction({
    ...options,
    action: 'approve',
    check: (work) => {
      if (!work.workflow.result_sha256) {
        throw invalidState('No result has been uploaded yet.');
      }
      if (work.workflow.approved_at) {
        throw invalidState('The result is already approved.');
      }
    },
    apply: async (_trx, _work, locked, at) => ({
      workflow: {
        approved_at: at,
        approved_by: options.actor.kind === 'staff' ? options.actor.staffId : null,
      },
      note: optionalText(options.note),
      details: { sha256: locked.result_sha256 },
    }),
  });
}
