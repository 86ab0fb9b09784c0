import { AppError } from '../../platform/errors.ts';
import { STEP_ROLES, type StepRole } from '../catalogue/procedure.types.ts';
import { reachUnits } from './load-dossier-work.ts';
import { runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';
import { listUnitStaff } from './workflow.repository.ts';

export function isStepRole(value: unknown): value is StepRole {
  return typeof value === 'string' && (STEP_ROLES as readonly string[]).includes(value);
}

/**
 * Assigns a dossier within its current step to a person (staff with a role on a unit reaching it) or to
 * a role queue of the holding unit (issue 7 §1). Exactly one of `staffId` and `role`.
 *
 * @throws AppError VALIDATION_FAILED (`assignee`), and those of runWorkflowAction
 */
export async function assignDossier(
  options: WorkflowActionOptions & { readonly staffId?: string | null; readonly role?: string | null },
) {
  const staffId = options.staffId || null;
  const role = options.role || null;
  let assigneeName = '';
  return runWorkflowAction({
    ...options,
    action: 'assign',
    check: async (work) => {
      if ((staffId === null) === (role === null) || (role !== null && !isStepRole(role))) {
        throw new AppError('VALIDATION_FAILED', 'Choose one person or one role queue.', {
          fields: { assignee: 'required' },
        });
      }
      if (staffId) {
        const staff = await listUnitStaff(
          options.db,
          reachUnits(work).map((u) => u.id),
        );
        const found = staff.find((s) => s.id === staffId);
        if (!found) {
          throw new AppError('VALIDATION_FAILED', 'That person does not work on this dossier’s units.', {
            fields: { assignee: 'unknownStaff' },
          });
        }
        assigneeName = found.full_name;
      }
    },
    apply: async () => ({
      workflow: { assignee_staff_id: staffId, assignee_role: role },
      note: staffId ? assigneeName : role,
      details: { staffId, role },
    }),
  });
}
