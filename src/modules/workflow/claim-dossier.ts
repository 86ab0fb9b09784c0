import { AppError } from '../../platform/errors.ts';
import { isInActorsQueue } from './load-dossier-work.ts';
import { runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * The receiver takes a dossier from their queue (issue 7 §1): it is assigned to them, and the open
 * hand-over gets its received time and receiver (BM.05). Only the person it was given to, or someone
 * holding the queue's role in the holding unit, may take it.
 *
 * @throws AppError INVALID_STATE (assigned to someone else / not in a queue of the actor), and those of runWorkflowAction
 */
export async function claimDossier(options: WorkflowActionOptions) {
  const { actor } = options;
  return runWorkflowAction({
    ...options,
    action: 'claim',
    check: (work) => {
      if (actor.kind === 'staff' && !isInActorsQueue(actor, work.workflow)) {
        throw new AppError('INVALID_STATE', 'This dossier is not in your queue.');
      }
    },
    apply: async () =>
      actor.kind === 'staff' ? { workflow: { assignee_staff_id: actor.staffId, assignee_role: null } } : {},
  });
}
