import { AppError } from '../../platform/errors.ts';
import {
  optionalText,
  requiredText,
  runWorkflowAction,
  type WorkflowActionOptions,
} from './run-workflow-action.ts';
import { insertSupplement } from './workflow.repository.ts';

/** Up to 20 items, each one line of at most 500 characters; blank lines dropped. */
export function supplementItems(items: readonly string[] | string | undefined): string[] {
  const list = typeof items === 'string' ? items.split(/\r?\n/) : (items ?? []);
  const clean = list.map((item) => item.trim().slice(0, 500)).filter(Boolean);
  if (clean.length === 0 || clean.length > 20) {
    throw new AppError('VALIDATION_FAILED', 'List what is missing, one item a line (at most 20).', {
      fields: { items: 'required' },
    });
  }
  return clean;
}

/**
 * Asks the applicant to supplement the dossier (→ 5) with a BM.02 slip "Phiếu yêu cầu bổ sung, hoàn
 * thiện hồ sơ": what to add, why, whom to contact (shared/DOMAIN.md). The clock stops from now until the
 * applicant supplies, when the procedure lets it stop (`isClockStoppable`); otherwise it keeps running.
 *
 * @throws AppError VALIDATION_FAILED (`items`, `reason`), and those of runWorkflowAction
 */
export async function requestSupplement(
  options: WorkflowActionOptions & {
    readonly items?: readonly string[] | string;
    readonly reason?: string;
    readonly contact?: string;
  },
) {
  let items: string[] = [];
  let reason = '';
  return runWorkflowAction({
    ...options,
    action: 'requestSupplement',
    check: () => {
      items = supplementItems(options.items);
      reason = requiredText(options.reason, 'reason');
    },
    apply: async (trx, work, _locked, at) => {
      const isClockStopped = work.procedure?.isClockStoppable ?? true;
      const contact = optionalText(options.contact, 500) ?? `${options.actor.fullName}, ${work.unit.name}`;
      const id = await insertSupplement(trx, {
        dossier_id: work.dossier.id,
        requested_at: at,
        requested_by: options.actor.kind === 'staff' ? options.actor.staffId : null,
        requested_by_name: options.actor.fullName,
        items: JSON.stringify(items),
        reason,
        contact,
        is_clock_stopped: isClockStopped,
      });
      return {
        note: `${reason}\n${items.map((item) => `- ${item}`).join('\n')}`,
        details: { supplementId: id, items: items.length, isClockStopped },
        result: { supplementId: id, isClockStopped },
      };
    },
  });
}
