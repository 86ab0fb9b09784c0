// The result is signed and sealed through a signature request (issue 7 §2): the leader's approval makes the
// result PDF a request of subject 'dossier-result' (the approving leader signs when they hold a certificate
// on a unit reaching the dossier, else that unit's leader), the unit's seal with its QR code follows, and
// the completion handler marks the dossier processed (4 → 9) in the sealing transaction: the seal and the
// status commit or roll back together. A unit without any signing certificate approves a paper-signed
// result, and an officer marks it processed by hand.
import type { DbExecutor, Trx } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { createSignatureRequest } from '../signature-requests/create-signature-request.ts';
import { listSignatureRequestsOfSubject } from '../signature-requests/signature-request.repository.ts';
import { OPEN_STATES, type SignatureRequest } from '../signature-requests/signature-request.table.ts';
import { listUnitSigners } from '../signing/find-signing-credential.ts';
import type { DossierWork, WorkActor } from './load-dossier-work.ts';

/** The subject type of a dossier's result in the signature requests (its subject id is the dossier code). */
export const RESULT_SUBJECT = 'dossier-result';

/** The newest signature request of a dossier's result, if any. */
export async function findResultSignature(
  db: DbExecutor,
  code: string,
): Promise<SignatureRequest | undefined> {
  const [latest] = await listSignatureRequestsOfSubject(db, RESULT_SUBJECT, code);
  return latest;
}

export function isOpenRequest(request: SignatureRequest | undefined): boolean {
  return request !== undefined && OPEN_STATES.includes(request.state);
}

/**
 * Who signs a document of the dossier and on which unit: the actor when they lead a unit reaching the
 * dossier (deciding body first) with a valid certificate, else the first such leader; undefined when none.
 */
export async function chooseSigner(
  db: DbExecutor,
  work: DossierWork,
  actorId: string | null,
  at: Date,
): Promise<{ unitId: string; signerId: string } | undefined> {
  const unitIds = [...new Set([work.decidingBody.id, work.holder.id, work.unit.id])];
  let chosen: { unitId: string; signerId: string } | undefined;
  for (const unitId of unitIds) {
    const signers = await listUnitSigners(db, unitId, at);
    const own = signers.find((s) => s.staffId === actorId);
    if (own) {
      return { unitId, signerId: own.staffId };
    }
    const first = signers[0];
    chosen ??= first ? { unitId, signerId: first.staffId } : undefined;
  }
  return chosen;
}

/**
 * Makes the approved result a signature request inside the approval's transaction. Returns undefined when
 * no unit reaching the dossier has a leader with a valid certificate (the paper path).
 */
export async function requestResultSignature(
  trx: Trx,
  options: {
    readonly blobStore: BlobStore;
    readonly work: DossierWork;
    readonly actor: WorkActor;
    readonly requestId: string | null;
    readonly resultSha256: string;
    readonly at: Date;
  },
): Promise<SignatureRequest | undefined> {
  const { work } = options;
  const actorId = options.actor.kind === 'staff' ? options.actor.staffId : null;
  const chosen = await chooseSigner(trx, work, actorId, options.at);
  if (!chosen) {
    return undefined;
  }
  const pdf = await options.blobStore.get(options.resultSha256);
  if (!pdf) {
    throw new AppError('INTERNAL', 'The stored result PDF is missing.');
  }
  return createSignatureRequest(trx, {
    blobStore: options.blobStore,
    actorStaffId: actorId,
    requestId: options.requestId,
    unitId: chosen.unitId,
    subjectType: RESULT_SUBJECT,
    subjectId: work.dossier.code,
    title: `Kết quả giải quyết hồ sơ ${work.dossier.code}`,
    pdf,
    signerStaffId: chosen.signerId,
    needsSeal: true,
    now: options.at,
  });
}

/** A new result (uploaded or drafted) is refused while the current one awaits its signatures. */
export async function assertResultNotSigning(db: DbExecutor, code: string): Promise<void> {
  if (isOpenRequest(await findResultSignature(db, code))) {
    throw new AppError(
      'INVALID_STATE',
      'The result is being signed: the leader returns it or it is cancelled first.',
    );
  }
}

/** The workflow change of a new result file: stored, any approval cleared (the leader approves what is returned). */
export function newResultFile(blob: { sha256: string; size: number } | undefined, at: Date) {
  return {
    workflow: {
      result_sha256: blob?.sha256 ?? null,
      result_size: blob?.size ?? null,
      result_uploaded_at: at,
      approved_at: null,
      approved_by: null,
    },
    details: { sha256: blob?.sha256, size: blob?.size },
  };
}
