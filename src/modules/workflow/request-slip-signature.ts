// The slips handed to the applicant signed by the head and sealed (issue 7 §4, §5): the referral guidance
// slip and the apology and extension slip (BM.04) are rendered to PDF and sent for signing as a signature
// request (the leader signs, the unit's seal with its QR code follows); once completed, the slip's PDF is
// the signed one (findSignedSlip). One request per slip: a new one only after a return or a cancellation.
import type { Db, DbExecutor } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { createSignatureRequest } from '../signature-requests/create-signature-request.ts';
import { findSignedPdf } from '../signature-requests/get-signed-pdf.ts';
import { listSignatureRequestsOfSubject } from '../signature-requests/signature-request.repository.ts';
import type { SignatureRequest } from '../signature-requests/signature-request.table.ts';
import { getWorkflowForm } from './get-workflow-form.ts';
import { assertMayAct, loadDossierWork } from './load-dossier-work.ts';
import { renderWorkflowFormPdf } from './render-workflow-form-pdf.ts';
import { chooseSigner, isOpenRequest } from './result-signing.ts';

/** The slips that are signed and sealed, with their signature request subject type. */
export const SLIP_SUBJECTS = { referral: 'referral-slip', bm04: 'extension-slip' } as const;
export type SignableSlip = keyof typeof SLIP_SUBJECTS;

export function isSignableSlip(kind: string): kind is SignableSlip {
  return Object.hasOwn(SLIP_SUBJECTS, kind);
}

/** The newest signature request of a dossier's slip, if any. */
export async function findSlipSignature(
  db: DbExecutor,
  code: string,
  form: SignableSlip,
): Promise<SignatureRequest | undefined> {
  const [latest] = await listSignatureRequestsOfSubject(db, SLIP_SUBJECTS[form], code);
  return latest;
}

/** The signed slip's PDF once completed (the caller has authorised the actor on the dossier). */
export async function findSignedSlip(options: {
  db: DbExecutor;
  blobStore: BlobStore;
  code: string;
  form: SignableSlip;
}): Promise<Uint8Array | undefined> {
  const found = await findSignedPdf({
    db: options.db,
    blobStore: options.blobStore,
    subjectType: SLIP_SUBJECTS[options.form],
    subjectId: options.code,
  });
  return found?.pdf;
}

/**
 * Sends the slip for signing: staff who may refer (referral) or extend (BM.04) on the dossier.
 *
 * @throws AppError NOT_FOUND (dossier not visible), FORBIDDEN (no right), INVALID_STATE (no such slip yet,
 *   a request is open or completed, no leader with a certificate), and those of createSignatureRequest
 */
export async function requestSlipSignature(options: {
  db: Db;
  blobStore: BlobStore;
  actor: StaffActor;
  requestId: string | null;
  code: string;
  form: SignableSlip;
  publicUrl: string;
  now?: Date;
}): Promise<SignatureRequest> {
  const { db, actor } = options;
  const work = await loadDossierWork(options);
  assertMayAct(actor, options.form === 'referral' ? 'refer' : 'extend', work);
  const code = work.dossier.code;
  const latest = await findSlipSignature(db, code, options.form);
  if (isOpenRequest(latest) || latest?.state === 'completed') {
    throw new AppError('INVALID_STATE', 'This slip is already sent for signing.');
  }
  const form = await getWorkflowForm({ db, actor, code, form: options.form, publicUrl: options.publicUrl });
  const pdf = await renderWorkflowFormPdf(form);
  const at = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const signer = await chooseSigner(trx, work, actor.staffId, at);
    if (!signer) {
      throw new AppError(
        'INVALID_STATE',
        'No leader of the units handling this dossier holds a certificate.',
      );
    }
    return createSignatureRequest(trx, {
      blobStore: options.blobStore,
      actorStaffId: actor.staffId,
      requestId: options.requestId,
      unitId: signer.unitId,
      subjectType: SLIP_SUBJECTS[options.form],
      subjectId: code,
      title: `${form.name} ${code}`,
      pdf,
      signerStaffId: signer.signerId,
      needsSeal: true,
      now: at,
    });
  });
}
