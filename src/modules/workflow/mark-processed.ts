import { classifyTimeliness } from './dossier-deadline.ts';
import { invalidState, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * Processing is finished (4 → 9, issue 7 §1): the finish time and the outcome early / on time / late are
 * recorded. The outcome is measured on the statutory due date (pauses counted, extension not): a dossier
 * that needed an extension and finished after its statutory date counts as late (issue 7 §5).
 * For now it requires the leader's approval; once remote signing lands, the hook "result signed and
 * sealed" calls this use case instead of an officer.
 *
 * @throws AppError INVALID_STATE (the result is not approved), and those of runWorkflowAction
 */
export async function markProcessed(options: WorkflowActionOptions) {
  return runWorkflowAction({
    ...options,
    action: 'markProcessed',
    check: (work) => {
      if (!work.workflow.approved_at) {
        throw invalidState('The result has not been approved.');
      }
    },
    apply: async (_trx, work, locked, at) => {
      const outcome = classifyTimeliness(at, locked.statutory_due_at ?? work.dossier.due_at);
      return { workflow: { finished_at: at, outcome }, details: { outcome }, result: { outcome } };
    },
  });
}
