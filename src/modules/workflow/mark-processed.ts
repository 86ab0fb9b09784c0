import { processingOutcome } from './dossier-deadline.ts';
import { findResultSignature, isOpenRequest } from './result-signing.ts';
import { invalidState, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * Processing is finished (4 → 9, issue 7 §1): the finish time and the outcome early / on time / late are
 * recorded. The outcome is measured on the statutory due date (pauses counted, extension not): a dossier
 * that needed an extension and finished after its statutory date counts as late (issue 7 §5).
 * It requires the leader's approval; a result sent for signing is finished by the hook "result signed and
 * sealed" (result-signing.ts, in the sealing transaction), not by hand while its request is open.
 *
 * @throws AppError INVALID_STATE (the result is not approved, or awaits its signatures), and those of
 *   runWorkflowAction
 */
export async function markProcessed(options: WorkflowActionOptions) {
  return runWorkflowAction({
    ...options,
    action: 'markProcessed',
    check: async (work) => {
      if (!work.workflow.approved_at) {
        throw invalidState('The result has not been approved.');
      }
      if (isOpenRequest(await findResultSignature(options.trx ?? options.db, work.dossier.code))) {
        throw invalidState("The result awaits the leader's signature and the seal.");
      }
    },
    apply: async (_trx, work, locked, at) => {
      const outcome = processingOutcome(at, locked, work.dossier);
      return { workflow: { finished_at: at, outcome }, details: { outcome }, result: { outcome } };
    },
  });
}
