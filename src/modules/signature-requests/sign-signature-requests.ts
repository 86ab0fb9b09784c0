// The leader signs one or N requests with one PIN + one-time code (issue 5 §4, batch signing): a visible
// approval signature with name, title, unit and time in the request's "Leader" field, PAdES B-T.

import { type SignBatchOptions, type SignBatchResult, signRequestBatch } from './sign-request-batch.ts';
import { signerRuleFor } from './signer-role.ts';

export function signSignatureRequests(options: SignBatchOptions): Promise<SignBatchResult> {
  return signRequestBatch(options, {
    kind: 'leader',
    permission: (request) => signerRuleFor(request.subject_type).permission,
    from: 'awaiting_leader',
    keyColumn: 'sign_key',
    mayAct: (actor, request) => request.signer_staff_id === actor.staffId,
    field: (request) => ({ name: request.placement.leaderField, box: request.placement.leader }),
    appearance: (actor, unit) => ({ signerName: actor.fullName, title: actor.title, unit: unit.name }),
    reason: 'Phê duyệt / Approved',
    after: (request, _actor, now) => ({
      state: request.needs_seal ? 'awaiting_seal' : 'completed',
      leader_signed_at: now,
      completed_at: request.needs_seal ? null : now,
    }),
  });
}
