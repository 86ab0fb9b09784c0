import { receiveOpenHandover } from './receive-handover.ts';
import { runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * A specialist starts processing a received dossier (2 → 4, issue 7 §1). It becomes theirs if no one else
 * holds it, and an open hand-over to them counts as received now (BM.05).
 */
export async function startProcessing(options: WorkflowActionOptions) {
  const { actor } = options;
  return runWorkflowAction({
    ...options,
    action: 'start',
    apply: async (trx, work, locked, at) => {
      if (actor.kind !== 'staff') {
        return {};
      }
      const open = await receiveOpenHandover(trx, work.dossier.id, actor, at);
      const isFree = locked.assignee_staff_id === null || locked.assignee_staff_id === actor.staffId;
      return {
        workflow: {
          ...(isFree ? { assignee_staff_id: actor.staffId, assignee_role: null } : {}),
          ...(open ? { step_started_at: at } : {}),
        },
      };
    },
  });
}
