import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../catalogue/catalogue-units.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { isStepRole } from './assign-dossier.ts';
import { classifyTimeliness, stepDueAt } from './dossier-deadline.ts';
import { type DossierWork, isHolderOrLeader } from './load-dossier-work.ts';
import { optionalText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';
import { insertHandover, listHandovers, listUnitStaff } from './workflow.repository.ts';

/**
 * The next step by default: the one after the current, except for the first hand-over of a procedure
 * whose first step is not reception (its specialists examine from step 1 on, e.g. a council's review):
 * then the first step itself.
 */
export function defaultNextStep(work: DossierWork, handoversSoFar: number): number {
  const first = work.procedure?.steps[0];
  if (handoversSoFar === 0 && work.workflow.step_index === 0 && first && first.role !== 'receptionist') {
    return 0;
  }
  return work.workflow.step_index + 1;
}

export interface HandOverOptions extends WorkflowActionOptions {
  /** The step to hand to (index in the procedure's steps); default the next one. */
  readonly toStep?: number | undefined;
  /** The unit to hand to; default the receiving unit for a reception step, else the deciding body. */
  readonly toUnitId?: string | undefined;
  /** A person in that unit; else the step's role queue there. */
  readonly toStaffId?: string | null | undefined;
  readonly note?: string | undefined;
}

/**
 * Hands a dossier over to another step (and possibly another unit), writing the BM.05 control sheet row
 * automatically (issue 7 §1): who gave it, when, to whom, and whether the giver's step kept its time
 * budget (early / on time / late, measured from when the step received it). The receiver's time is filled
 * when they take it (claim, or start processing).
 *
 * Only the current holder (the assignee, or someone in the role queue it waits in) or a leader of the
 * holding unit or the deciding body may hand it over; other staff with dossier rights get FORBIDDEN. A
 * dossier held by no one (imported, or received with no receiving officer recorded) is held by the
 * one-stop staff (`dossier.receive`) of its holding unit: they or the leaders hand it over, nobody else.
 *
 * @throws AppError FORBIDDEN (not the holder nor a leader), VALIDATION_FAILED (`toStep`, `toUnitId`,
 *   `toStaffId`), and those of runWorkflowAction
 */
export async function handOverDossier(options: HandOverOptions) {
  let toUnitId = '';
  let toStep = 0;
  let toRole: string | null = null;
  return runWorkflowAction({
    ...options,
    action: 'handOver',
    check: async (work) => {
      // The holder rule (isHolderOrLeader, isInActorsQueue): the assignee, the role queue, or for a dossier
      // held by no one the one-stop staff of the holding unit; a leader of the holding unit or deciding body.
      if (options.actor.kind === 'staff' && !isHolderOrLeader(options.actor, work)) {
        throw new AppError(
          'FORBIDDEN',
          'Chỉ người đang giữ hồ sơ hoặc lãnh đạo đơn vị được chuyển hồ sơ. ' +
            'Only the holder of the dossier or the unit leader may hand it over.',
        );
      }
      const steps = work.procedure?.steps ?? [];
      toStep =
        options.toStep ?? defaultNextStep(work, (await listHandovers(options.db, work.dossier.id)).length);
      if (!Number.isInteger(toStep) || toStep < 0 || toStep >= Math.max(steps.length, 1)) {
        throw new AppError('VALIDATION_FAILED', 'No such step in the procedure.', {
          fields: { toStep: 'unknownStep' },
        });
      }
      const role = steps[toStep]?.role;
      toRole = isStepRole(role) ? role : 'specialist';
      // By default reception steps stay at the receiving unit (the one-stop centre) and the others go to
      // the deciding body (the commune, where specialists and leaders sit).
      toUnitId = options.toUnitId || (toRole === 'receptionist' ? work.unit.id : work.decidingBody.id);
      const target = isUuid(toUnitId) ? await findUnitById(options.db, toUnitId) : undefined;
      // Within the deployment's province tree of the dossier: the same root unit.
      const root = (path: string) => path.split('/').filter(Boolean)[0];
      if (!target || root(target.path) !== root(work.unit.path)) {
        throw new AppError('VALIDATION_FAILED', 'No such unit.', { fields: { toUnitId: 'unknownUnit' } });
      }
      if (options.toStaffId) {
        const staff = await listUnitStaff(options.db, [toUnitId, work.decidingBody.id]);
        if (!staff.some((s) => s.id === options.toStaffId)) {
          throw new AppError('VALIDATION_FAILED', 'That person does not work in the unit handed to.', {
            fields: { toStaffId: 'unknownStaff' },
          });
        }
        toRole = null;
      }
    },
    apply: async (trx, work, locked, at) => {
      const step = work.procedure?.steps[locked.step_index];
      const due = await stepDueAt(trx, locked.holder_unit_id, step?.budget, locked.step_started_at);
      const result = classifyTimeliness(at, due ?? work.dossier.due_at);
      const actor = options.actor.kind === 'staff' ? options.actor : undefined;
      const seq = await insertHandover(trx, {
        dossier_id: work.dossier.id,
        from_step: locked.step_index,
        to_step: toStep,
        from_unit_id: locked.holder_unit_id,
        to_unit_id: toUnitId,
        given_by: actor?.staffId ?? null,
        given_by_name: options.actor.fullName,
        given_at: at,
        to_staff_id: options.toStaffId || null,
        to_role: toRole,
        step_due_at: due,
        result,
        note: optionalText(options.note),
      });
      return {
        workflow: {
          holder_unit_id: toUnitId,
          step_index: toStep,
          assignee_staff_id: options.toStaffId || null,
          assignee_role: toRole,
          step_started_at: at,
        },
        note: optionalText(options.note),
        details: { seq, fromStep: locked.step_index, toStep, toUnitId, result },
        result: { seq, result },
      };
    },
  });
}
