import { AppError } from '../../platform/errors.ts';
import type { Role } from '../identity/roles.ts';
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
      if (actor.kind !== 'staff') {
        return;
      }
      const { assignee_staff_id: staffId, assignee_role: role } = work.workflow;
      const holdsRole =
        role !== null &&
        actor.roles.some((r) => r.role === (role as Role) && r.unitId === work.workflow.holder_unit_id);
      if (staffId === actor.staffId || (staffId === null && (holdsRole || role === null))) {
        return;
      }
      throw new AppError('INVALID_STATE', 'This dossier is not in your queue.');
    },
    apply: async () =>
      actor.kind === 'staff' ? { workflow: { assignee_staff_id: actor.staffId, assignee_role: null } } : {},
  });
}
