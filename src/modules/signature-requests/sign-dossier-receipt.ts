// The receiving officer signs the BM.01 receipt of a dossier with their own credential (issue 6 §4 "digitally
// signed by the receiving officer when the signing service is available"), through a signature request that
// needs no seal: the receipt PDF is rendered, its officer block becomes the signature field, and the
// officer signs it with PIN + one-time code in the same step. A receipt is signed once: once completed, the
// signed file is what every later call returns; an open request of the same officer is reused after a
// failed attempt (wrong PIN, dropped connection).
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { findDossierForStaff } from '../dossiers/get-dossier.ts';
import { getDossierReceipt } from '../dossiers/get-dossier-receipt.ts';
import type { StaffActor } from '../identity/actor.ts';
import { renderReceiptPdfWithLayout } from '../receipts/render-receipt-pdf.ts';
import { createSignatureRequest } from './create-signature-request.ts';
import { signSignatureRequests } from './sign-signature-requests.ts';
import { listSignatureRequestsOfSubject } from './signature-request.repository.ts';
import type { SignatureRequest } from './signature-request.table.ts';
import { onSignatureRequestDossier } from './signature-request-completion.ts';

export const RECEIPT_SUBJECT = 'receipt';

/** At start-up: the receipt names the applicant, so its PDF's download is a read of the dossier (by code). */
export function registerReceiptSigning(): void {
  onSignatureRequestDossier(RECEIPT_SUBJECT, findDossierByCode);
}

/** The completed (signed) receipt request of a dossier, if any; NOT_FOUND when the actor may not see the dossier. */
export async function findSignedReceipt(options: {
  db: Db;
  actor: StaffActor;
  code: string;
}): Promise<SignatureRequest | undefined> {
  const { dossier } = await findDossierForStaff(options);
  const requests = await listSignatureRequestsOfSubject(options.db, RECEIPT_SUBJECT, dossier.code);
  return requests.find((r) => r.state === 'completed');
}

export async function signDossierReceipt(options: {
  db: Db;
  blobStore: BlobStore;
  keyEncryptionKey: Uint8Array;
  actor: StaffActor;
  requestId: string | null;
  code: string;
  publicUrl: string;
  pin: string;
  otp: string;
  idempotencyKey: string;
  now?: Date;
}): Promise<{ request: SignatureRequest; isRepeat: boolean }> {
  const { db, actor } = options;
  const { dossier } = await findDossierForStaff(options);
  const requests = await listSignatureRequestsOfSubject(db, RECEIPT_SUBJECT, dossier.code);
  const done = requests.find((r) => r.state === 'completed');
  if (done) {
    return { request: done, isRepeat: true };
  }
  let open = requests.find((r) => r.state === 'awaiting_leader' && r.signer_staff_id === actor.staffId);
  if (!open) {
    const receipt = await getDossierReceipt(options);
    const { pdf, officerSignature } = await renderReceiptPdfWithLayout(receipt);
    open = await db.transaction().execute((trx) =>
      createSignatureRequest(trx, {
        blobStore: options.blobStore,
        actorStaffId: actor.staffId,
        requestId: options.requestId,
        unitId: dossier.unit_id,
        subjectType: RECEIPT_SUBJECT,
        subjectId: dossier.code,
        title: `Giấy tiếp nhận hồ sơ ${dossier.code}`,
        pdf,
        signerStaffId: actor.staffId,
        needsSeal: false,
        signatureBox: officerSignature,
      }),
    );
  }
  const { requests: signed, isRepeat } = await signSignatureRequests({ ...options, requestIds: [open.id] });
  const request = signed[0];
  if (!request) {
    throw new AppError('INTERNAL', 'The receipt request vanished while signing.');
  }
  return { request, isRepeat };
}
