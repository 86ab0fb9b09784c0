import { requiredText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * The result is returned to the applicant (9 → 10, issue 7 §1), recording who received it (the applicant
 * or their proxy, as the officer writes it) and when.
 *
 * @throws AppError VALIDATION_FAILED (`receivedBy`), and those of runWorkflowAction
 */
export async function returnResult(options: WorkflowActionOptions & { readonly receivedBy?: string }) {
  let receivedBy = '';
  return runWorkflowAction({
    ...options,
    action: 'returnResult',
    check: () => {
      receivedBy = requiredText(options.receivedBy, 'receivedBy', 300);
    },
    apply: async (_trx, _work, _locked, at) => ({
      workflow: { returned_at: at, returned_to: receivedBy },
      note: receivedBy,
    }),
  });
}
