// The receipt (BM.01) signed by the receiving officer, as a PDF for staff of the dossier's unit. It names the
// applicant: each download is a `dossier.viewed` event (issue 4 §1, view `signed-receipt`); NOT_FOUND
// (nothing written) when the actor may not see the dossier or the receipt is not signed yet.
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { findDossierForStaff } from '../dossiers/get-dossier.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { RECEIPT_SUBJECT } from './sign-dossier-receipt.ts';
import { listSignatureRequestsOfSubject } from './signature-request.repository.ts';

export async function getSignedReceiptPdf(options: {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly actor: StaffActor;
  readonly code: string;
  readonly requestId: string | null;
}): Promise<{ code: string; pdf: Uint8Array }> {
  const { dossier } = await findDossierForStaff(options);
  const requests = await listSignatureRequestsOfSubject(options.db, RECEIPT_SUBJECT, dossier.code);
  const signed = requests.find((r) => r.state === 'completed');
  const pdf = signed ? await options.blobStore.get(signed.current_sha256) : undefined;
  if (!pdf) {
    throw new AppError('NOT_FOUND', 'The receipt is not signed yet.');
  }
  await recordDossierView({ ...options, dossier, kind: 'signed-receipt' });
  return { code: dossier.code, pdf };
}
