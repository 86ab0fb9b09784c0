import { AppError } from '../../platform/errors.ts';
import { requiredText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** An identity paper number as printed: citizen identity card (12 digits), old ID card (9), passport… */
const IDENTIFIER = /^[A-Z0-9]{6,20}$/;

/**
 * The result is returned to the applicant (9 → 10, issue 7 §1, §2), recording who received it (the
 * applicant or their proxy, as the officer writes it), the number of the identity paper they showed (when
 * given), the officer who handed it over, and when: the record of the signature on return.
 *
 * @throws AppError VALIDATION_FAILED (`receivedBy`, `receiverIdentifier`), and those of runWorkflowAction
 */
export async function returnResult(
  options: WorkflowActionOptions & { readonly receivedBy?: string; readonly receiverIdentifier?: string },
) {
  let receivedBy = '';
  let identifier: string | null = null;
  return runWorkflowAction({
    ...options,
    action: 'returnResult',
    check: () => {
      receivedBy = requiredText(options.receivedBy, 'receivedBy', 300);
      const given = (options.receiverIdentifier ?? '').replace(/\s+/g, '').toUpperCase();
      if (given && !IDENTIFIER.test(given)) {
        throw new AppError('VALIDATION_FAILED', 'The identity paper number is 6 to 20 letters or digits.', {
          fields: { receiverIdentifier: 'identifier' },
        });
      }
      identifier = given || null;
    },
    apply: async (_trx, _work, _locked, at) => ({
      workflow: {
        returned_at: at,
        returned_to: receivedBy,
        returned_to_identifier: identifier,
        returned_by_staff_id: options.actor.kind === 'staff' ? options.actor.staffId : null,
      },
      note: receivedBy,
      details: { hasIdentifier: identifier !== null },
    }),
  });
}
