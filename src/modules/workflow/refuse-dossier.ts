import { requiredText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** Refuses a dossier found ineligible during processing, with its reasons (→ 3). */
export async function refuseDossier(options: WorkflowActionOptions & { readonly reasons?: string }) {
  let reasons = '';
  return runWorkflowAction({
    ...options,
    action: 'refuse',
    check: () => {
      reasons = requiredText(options.reasons, 'reasons');
    },
    apply: async () => ({ workflow: { closure: 'refused', closure_reasons: reasons }, note: reasons }),
  });
}
