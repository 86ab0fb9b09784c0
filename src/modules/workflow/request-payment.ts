import { AppError } from '../../platform/errors.ts';
import { optionalText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/**
 * Notifies the applicant of a financial obligation (4 → 6, issue 7 §1): the amount in đồng and what for.
 *
 * The clock keeps running in status 6: shared/DOMAIN.md ("Deadlines") names only the supplement request
 * as stopping it, and none of the texts it gathers (Decree 118/2025, Circular 03/2025) says the time spent
 * awaiting payment is not counted. Should a procedure's rule say so, it would be a pause like a
 * supplement's (`[requested, paid)`, recomputeDueDate), decided per procedure, not assumed here.
 *
 * @throws AppError VALIDATION_FAILED (`amountVnd`), and those of runWorkflowAction
 */
export async function requestPayment(
  options: WorkflowActionOptions & { readonly amountVnd?: number; readonly note?: string },
) {
  const amount = options.amountVnd;
  return runWorkflowAction({
    ...options,
    action: 'requestPayment',
    check: () => {
      if (amount === undefined || !Number.isSafeInteger(amount) || amount <= 0 || amount > 1_000_000_000) {
        throw new AppError('VALIDATION_FAILED', 'Give the amount in đồng.', {
          fields: { amountVnd: 'paymentAmount' },
        });
      }
    },
    apply: async () => ({
      workflow: { payment_vnd: amount ?? null, payment_note: optionalText(options.note) },
      note: optionalText(options.note),
      details: { amountVnd: amount },
    }),
  });
}
