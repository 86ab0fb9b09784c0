import { requiredText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** Stops processing (→ 8): the head decides, with reasons. */
export async function stopProcessing(options: WorkflowActionOptions & { readonly reasons?: string }) {
  let reasons = '';
  return runWorkflowAction({
    ...options,
    action: 'stop',
    check: () => {
      reasons = requiredText(options.reasons, 'reasons');
    },
    apply: async () => ({ workflow: { closure: 'stopped', closure_reasons: reasons }, note: reasons }),
  });
}
