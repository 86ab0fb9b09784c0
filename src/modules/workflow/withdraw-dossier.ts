import { optionalText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** Records the applicant's written request to withdraw the dossier (→ 7). */
export async function withdrawDossier(options: WorkflowActionOptions & { readonly reason?: string }) {
  const reason = optionalText(options.reason);
  return runWorkflowAction({
    ...options,
    action: 'withdraw',
    apply: async () => ({ workflow: { closure: 'withdrawn', closure_reasons: reason }, note: reason }),
  });
}
