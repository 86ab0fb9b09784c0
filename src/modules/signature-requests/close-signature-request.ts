// Ends a request before completion (issue 5 §4): the leader returns it with a reason (declines to sign),
// or whoever may submit documents on the unit cancels it. A guarded UPDATE, its history and its audit event
// in one transaction.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import {
  findSignatureRequest,
  insertSignatureRequestEvent,
  transitionSignatureRequest,
} from './signature-request.repository.ts';
import type { SignatureRequest } from './signature-request.table.ts';
import { signerRuleFor } from './signer-role.ts';

interface CloseOptions {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly signatureRequestId: string;
  readonly now?: Date;
}

async function close(
  options: CloseOptions,
  kind: 'returned' | 'cancelled',
  reason: string | null,
  mayClose: (request: SignatureRequest, unit: { path: string }) => boolean,
): Promise<SignatureRequest> {
  const now = options.now ?? new Date();
  const request = await findSignatureRequest(options.db, options.signatureRequestId);
  const unit = request ? await findUnitById(options.db, request.unit_id) : undefined;
  if (!request || !unit) {
    throw new AppError('NOT_FOUND', 'No such signature request.');
  }
  if (!mayClose(request, unit)) {
    throw new AppError('FORBIDDEN', 'Your roles do not allow this on the request.');
  }
  const from = kind === 'returned' ? ['awaiting_leader'] : ['awaiting_leader', 'awaiting_seal'];
  if (!from.includes(request.state)) {
    throw new AppError('INVALID_STATE', 'The request is no longer open.');
  }
  return options.db.transaction().execute(async (trx) => {
    const row = await transitionSignatureRequest(trx, request.id, request.state, {
      state: kind,
      closed_at: now,
      return_reason: reason,
    });
    if (!row) {
      throw new AppError('INVALID_STATE', 'The request changed meanwhile.');
    }
    await insertSignatureRequestEvent(trx, {
      requestId: request.id,
      step: kind,
      staffId: options.actor.staffId,
      ...(reason ? { note: reason } : {}),
      at: now,
    });
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: kind === 'returned' ? 'signature_request.returned' : 'signature_request.cancelled',
      unitId: request.unit_id,
      subjectType: 'signature_request',
      subjectId: request.id,
      requestId: options.requestId,
      at: now,
      state: { state: kind },
      details: { from: request.state },
    });
    return row;
  });
}

/** The leader declines to sign and sends the request back with a reason (shown to the submitter). */
export async function returnSignatureRequest(
  options: CloseOptions & { reason: string },
): Promise<SignatureRequest> {
  const reason = options.reason.trim();
  if (reason.length === 0 || reason.length > 1000) {
    throw new AppError('VALIDATION_FAILED', 'Give the reason (up to 1000 characters).', {
      fields: { reason: 'required' },
    });
  }
  return close(
    options,
    'returned',
    reason,
    (r, unit) =>
      r.signer_staff_id === options.actor.staffId &&
      can(options.actor, signerRuleFor(r.subject_type).permission, unit),
  );
}

/** Cancels an open request: its submitter, or anyone who may submit documents on its unit. */
export async function cancelSignatureRequest(options: CloseOptions): Promise<SignatureRequest> {
  return close(
    options,
    'cancelled',
    null,
    (r, unit) =>
      r.created_by_staff_id === options.actor.staffId || can(options.actor, 'document.submit', unit),
  );
}
