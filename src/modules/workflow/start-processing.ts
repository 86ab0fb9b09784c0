import { runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * A specialist starts processing a received dossier (2 → 4, issue 7 §1). It becomes theirs if no one else
 * holds it (an open hand-over to them counts as received now, as for any action: runWorkflowAction).
 */
export async function startProcessing(options: WorkflowActionOptions) {
  const { actor } = options;
  return runWorkflowAction({
    ...options,
    action: 'start',
    apply: async (_trx, _work, locked) => {
      if (actor.kind !== 'staff') {
        return {};
      }
      const isFree = locked.assignee_staff_id === null || locked.assignee_staff_id === actor.staffId;
      return isFree ? { workflow: { assignee_staff_id: actor.staffId, assignee_role: null } } : {};
    },
  });
}
