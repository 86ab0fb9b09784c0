import { requiredText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** A comment in the dossier's processing history (issue 7 §1); any status, any staff who may see it. */
export async function commentOnDossier(options: WorkflowActionOptions & { readonly text?: string }) {
  let text = '';
  return runWorkflowAction({
    ...options,
    action: 'comment',
    check: () => {
      text = requiredText(options.text, 'text');
    },
    apply: async () => ({ note: text }),
  });
}
