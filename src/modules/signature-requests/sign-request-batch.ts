// The common path of the leader's signature and the clerk's seal on N requests at once (issue 5 §4):
// check every request (its state, the actor's right and credential), sign all PDFs under ONE
// authorisation, then ONE transaction moves every request with a state guard in its UPDATE, runs the
// completion handlers of those that are now complete, records the history and the audit events. Any
// failure rolls the whole batch back; the signed files already in the blob store are then unreferenced.
//
// Idempotency: the form carries a key. A re-post of a form that already went through (the answer was lost
// on a weak connection) finds every request carrying that key and reports success without signing again;
// a concurrent second post loses the state guard (INVALID_STATE) or its one-time code (already used).
import type { Db } from '../../database.ts';
import type { SignatureAppearance } from '../../lib/pdf/index.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can, type Permission } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findSigningCredential } from '../signing/find-signing-credential.ts';
import { signPdfsRemotely } from './sign-pdfs-remotely.ts';
import {
  findSignatureRequests,
  insertSignatureRequestEvent,
  transitionSignatureRequest,
} from './signature-request.repository.ts';
import type { FieldBox, SignatureRequest } from './signature-request.table.ts';
import { runCompletionHandlers } from './signature-request-completion.ts';

/** At most this many requests signed under one PIN + one-time code. */
export const MAX_BATCH = 50;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export interface SignBatchOptions {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly keyEncryptionKey: Uint8Array;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly requestIds: readonly string[];
  readonly pin: string;
  readonly otp: string;
  /** Random key printed in the form; the same key re-posted is recognised. */
  readonly idempotencyKey: string;
  readonly now?: Date;
}

export interface SignBatchResult {
  readonly requests: readonly SignatureRequest[];
  /** True when this post repeated one that had already signed (nothing was signed again). */
  readonly isRepeat: boolean;
}

export interface BatchStep {
  readonly kind: 'leader' | 'seal';
  /** The permission the actor needs on the request's unit. */
  readonly permission: (request: SignatureRequest) => Permission;
  readonly from: 'awaiting_leader' | 'awaiting_seal';
  readonly keyColumn: 'sign_key' | 'seal_key';
  /** Checks the actor may do this step on the request (beyond the unit permission). */
  readonly mayAct: (actor: StaffActor, request: SignatureRequest) => boolean;
  readonly field: (request: SignatureRequest) => { name: string; box: FieldBox } | undefined;
  readonly appearance: (actor: StaffActor, unit: Unit, request: SignatureRequest) => SignatureAppearance;
  /** Lines added to the appearances before signing (the seal: the result's number), request id → lines. */
  readonly extraLines?: (
    requests: readonly SignatureRequest[],
    now: Date,
  ) => Promise<ReadonlyMap<string, readonly string[]>>;
  readonly reason: string;
  /** The new values of the row after signing (state guard and key are added). */
  readonly after: (request: SignatureRequest, actor: StaffActor, now: Date) => Partial<SignatureRequest>;
}

function withLines(
  appearance: SignatureAppearance,
  extra: readonly string[] | undefined,
): SignatureAppearance {
  return extra?.length ? { ...appearance, lines: [...extra, ...(appearance.lines ?? [])] } : appearance;
}

export async function signRequestBatch(options: SignBatchOptions, step: BatchStep): Promise<SignBatchResult> {
  const now = options.now ?? new Date();
  const ids = [...new Set(options.requestIds)];
  if (ids.length === 0 || ids.length > MAX_BATCH) {
    throw new AppError('VALIDATION_FAILED', `Choose between 1 and ${MAX_BATCH} requests.`, {
      fields: { requests: 'batchSize' },
    });
  }
  if (!IDEMPOTENCY_KEY.test(options.idempotencyKey)) {
    throw new AppError('VALIDATION_FAILED', 'The form is incomplete: reload the page.', {
      fields: { idempotencyKey: 'invalid' },
    });
  }
  const requests = await findSignatureRequests(options.db, ids);
  if (requests.length !== ids.length) {
    throw new AppError('NOT_FOUND', 'No such signature request.');
  }
  const unitId = requests[0]?.unit_id ?? '';
  if (requests.some((r) => r.unit_id !== unitId)) {
    throw new AppError('VALIDATION_FAILED', 'One batch signs for one unit.', {
      fields: { requests: 'oneUnit' },
    });
  }
  const unit = await findUnitById(options.db, unitId);
  if (!unit) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  if (requests.some((r) => !step.mayAct(options.actor, r) || !can(options.actor, step.permission(r), unit))) {
    throw new AppError('FORBIDDEN', 'This request is not yours to sign.');
  }
  // The same form posted again (after the rights check, so a key alone tells nobody anything).
  if (requests.every((r) => r[step.keyColumn] === options.idempotencyKey)) {
    return { requests, isRepeat: true };
  }
  const fields = requests.map((r) => {
    const field = step.field(r);
    if (r.state !== step.from || !field) {
      throw new AppError('INVALID_STATE', 'A chosen request is no longer waiting for this signature.');
    }
    return field;
  });
  const credential = await findSigningCredential(options.db, {
    staffId: options.actor.staffId,
    unitId,
    kind: step.kind === 'leader' ? 'personal' : 'seal',
    now,
  });
  if (!credential) {
    throw new AppError('INVALID_STATE', 'You hold no valid signing certificate for this unit.');
  }
  const extraLines = (await step.extraLines?.(requests, now)) ?? new Map<string, readonly string[]>();
  const documents = await Promise.all(
    requests.map(async (r, i) => {
      const pdf = await options.blobStore.get(r.current_sha256);
      const field = fields[i];
      if (!pdf || !field) {
        throw new AppError('INTERNAL', `The stored PDF of request ${r.id} is missing.`);
      }
      return {
        pdf,
        fieldName: field.name,
        box: field.box,
        appearance: withLines(step.appearance(options.actor, unit, r), extraLines.get(r.id)),
        reason: step.reason,
      };
    }),
  );
  const signed = await signPdfsRemotely({
    db: options.db,
    keyEncryptionKey: options.keyEncryptionKey,
    actor: options.actor,
    requestId: options.requestId,
    credential,
    pin: options.pin,
    otp: options.otp,
    documents,
    now,
  });
  const stored = await Promise.all(signed.map((pdf) => options.blobStore.put(pdf)));
  const updated = await options.db.transaction().execute(async (trx) => {
    const rows: SignatureRequest[] = [];
    for (const [i, r] of requests.entries()) {
      const row = await transitionSignatureRequest(trx, r.id, step.from, {
        ...step.after(r, options.actor, now),
        current_sha256: stored[i]?.sha256 ?? '',
        [step.keyColumn]: options.idempotencyKey,
      });
      if (!row) {
        throw new AppError('INVALID_STATE', 'A chosen request was signed or closed meanwhile.');
      }
      await insertSignatureRequestEvent(trx, {
        requestId: r.id,
        step: step.kind === 'leader' ? 'signed' : 'sealed',
        staffId: options.actor.staffId,
        at: now,
      });
      if (row.state === 'completed') {
        await runCompletionHandlers(trx, row);
      }
      rows.push(row);
    }
    for (const row of rows) {
      await appendAuditEvent(trx, {
        actor: { type: 'staff', id: options.actor.staffId },
        action: step.kind === 'leader' ? 'signature_request.signed' : 'signature_request.sealed',
        unitId,
        subjectType: 'signature_request',
        subjectId: row.id,
        requestId: options.requestId,
        at: now,
        state: { state: row.state, sha256: row.current_sha256 },
        details: { credential: credential.id, batch: requests.length, level: 'B-T' },
      });
    }
    return rows;
  });
  return { requests: updated, isRepeat: false };
}
