import { optionalText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** Records that the financial obligation was paid (6 → 4). */
export async function recordPayment(options: WorkflowActionOptions & { readonly note?: string }) {
  return runWorkflowAction({
    ...options,
    action: 'recordPayment',
    apply: async () => ({ note: optionalText(options.note) }),
  });
}
