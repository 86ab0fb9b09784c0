import { supplementItems } from './request-supplement.ts';
import {
  optionalText,
  requiredText,
  runWorkflowAction,
  type WorkflowActionOptions,
} from './run-workflow-action.ts';

/**
 * Refers a dossier beyond the commune's authority to a higher level (issue 7 §4): a written guidance slip
 * (what to submit, where) is printed for the applicant and the dossier is closed as referred (→ 8). The
 * slip is then sent for the head's signature and the unit's seal (request-slip-signature.ts).
 *
 * @throws AppError VALIDATION_FAILED (`authority`, `address`, `items`), and those of runWorkflowAction
 */
export async function referDossier(
  options: WorkflowActionOptions & {
    readonly authority?: string;
    readonly address?: string;
    readonly documents?: readonly string[] | string;
    readonly note?: string;
  },
) {
  let referral = { authority: '', address: '', documents: [] as string[], note: '' };
  return runWorkflowAction({
    ...options,
    action: 'refer',
    check: () => {
      referral = {
        authority: requiredText(options.authority, 'authority', 300),
        address: requiredText(options.address, 'address', 500),
        documents: supplementItems(options.documents),
        note: optionalText(options.note) ?? '',
      };
    },
    apply: async () => ({
      workflow: {
        closure: 'referred',
        closure_reasons: referral.authority,
        referral: JSON.stringify(referral),
      },
      note: referral.authority,
      details: { documents: referral.documents.length },
    }),
  });
}
