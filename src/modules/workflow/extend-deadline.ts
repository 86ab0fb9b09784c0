import { AppError } from '../../platform/errors.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';
import { enqueueDossierNotification } from '../notifications/enqueue-dossier-notification.ts';
import { recomputeDueDate } from './dossier-deadline.ts';
import {
  invalidState,
  requiredText,
  runWorkflowAction,
  type WorkflowActionOptions,
} from './run-workflow-action.ts';

/** When a procedure states no limit, an extension adds at most this many working days (UNVERIFIED: configurable later). */
export const DEFAULT_EXTENSION_LIMIT_DAYS = 10;

/**
 * BM.04 is due at least 1 day before the deadline (shared/DOMAIN.md, Forms): the Vietnam calendar day of
 * issue must come before the due day.
 *
 * @throws AppError VALIDATION_FAILED (`days`: extensionTooLate)
 */
export function assertExtensionInTime(at: Date, dueAt: Date): void {
  if (vietnamDate(at) >= vietnamDate(dueAt)) {
    const due = vietnamDate(dueAt).split('-').reverse().join('/');
    // A business rule on the form's input (the slip's date): shown on the form like any other problem.
    throw new AppError(
      'VALIDATION_FAILED',
      `The apology and extension slip (BM.04) must be issued at least 1 day before the due date (${due}).`,
      { fields: { days: 'extensionTooLate' } },
    );
  }
}

/**
 * Grants the one extension of a dossier with the BM.04 slip "Phiếu xin lỗi và đề nghị gia hạn thời gian
 * giải quyết" signed by the head (issue 7 §5; shared/DOMAIN.md: only one extension per dossier): the new
 * due date is the calendar engine's, from reception with every pause plus the extension, stored on the
 * dossier. BM.04 is sent "at least 1 day before the deadline" (shared/DOMAIN.md, Forms): a calendar day,
 * as the form's rule says (not a working day), so it must be issued on a Vietnam calendar day before the
 * due day; on the due day or after it the extension is refused (the dossier is then late).
 *
 * @throws AppError VALIDATION_FAILED (`days`, `reason`; `days`: extensionTooLate when not at least 1 day
 *   before the due date), INVALID_STATE (the procedure allows no extension, one was granted already, no due
 *   date), and those of runWorkflowAction
 */
export async function extendDeadline(
  options: WorkflowActionOptions & { readonly days?: number; readonly reason?: string },
) {
  let reason = '';
  const days = options.days ?? 0;
  return runWorkflowAction({
    ...options,
    action: 'extend',
    check: (work) => {
      if (work.procedure && !work.procedure.isExtensionAllowed) {
        throw invalidState('This procedure allows no extension.');
      }
      if (work.workflow.extension_days !== null) {
        throw invalidState('The one extension of this dossier was granted already.');
      }
      if (!work.dossier.due_at) {
        throw invalidState('The dossier has no due date.');
      }
      assertExtensionInTime(options.now ?? new Date(), work.dossier.due_at);
      const limit = work.procedure?.extensionLimitDays ?? DEFAULT_EXTENSION_LIMIT_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > limit) {
        throw new AppError('VALIDATION_FAILED', `Between 1 and ${limit} working days.`, {
          fields: { days: 'extensionDays' },
        });
      }
      reason = requiredText(options.reason, 'reason');
    },
    apply: async (trx, work, locked, at) => {
      if (locked.extension_days !== null) {
        throw invalidState('The one extension of this dossier was granted already.');
      }
      const previousDueAt = work.dossier.due_at;
      const due = await recomputeDueDate(trx, work.dossier, days);
      // The citizen is told of the apology and the new appointment (issue 7 §6), in this transaction.
      await enqueueDossierNotification(trx, {
        dossierId: work.dossier.id,
        kind: 'late',
        at,
        newDueAt: due.dueAt,
      });
      return {
        workflow: {
          extension_days: days,
          extension_reason: reason,
          extended_at: at,
          statutory_due_at: due.statutoryDueAt,
        },
        note: reason,
        details: { days, previousDueAt: previousDueAt?.toISOString(), dueAt: due.dueAt.toISOString() },
        result: { previousDueAt, dueAt: due.dueAt },
      };
    },
  });
}
