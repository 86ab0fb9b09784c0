// Set-up of the result signing tests (issue 7 §2): the workflow set-up plus a leader with a personal
// certificate and a clerk with the commune's seal, and helpers that send a result for signing, sign it and
// seal it through the use cases (the seal's completion hook marks the dossier processed).
import assert from 'node:assert/strict';
import { sealSignatureRequests } from '../../src/modules/signature-requests/seal-signature-requests.ts';
import { signSignatureRequests } from '../../src/modules/signature-requests/sign-signature-requests.ts';
import { approveResult } from '../../src/modules/workflow/approve-result.ts';
import { registerResultSigning } from '../../src/modules/workflow/finish-signed-result.ts';
import { uploadResult } from '../../src/modules/workflow/upload-result.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { approvalOf, makePerson, otpClock } from '../fixtures/signature-requests.ts';
import { setUpWorkflowTests } from '../http/workflow-setup.ts';

export async function setUpResultSigning() {
  const w = await setUpWorkflowTests();
  const { actors, blobStore, common, db, commune } = w;
  const kek = new Uint8Array(32).fill(7);
  const signer = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Ký');
  const sealer = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Đóng Dấu');
  const tick = otpClock();
  registerResultSigning();

  async function approvedForSigning(): Promise<{ code: string; requestId: string }> {
    const code = await w.dossierIn(4);
    await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: await basePdf(1) });
    const approved = await approveResult({ ...common(code), actor: signer.actor, blobStore });
    const requestId = approved.result?.signatureRequestId;
    assert.ok(requestId, 'the approval made a signature request');
    return { code, requestId };
  }

  /** The options of one signing step by `person` (PIN, a fresh one-time code, its own idempotency key). */
  const stepOf = (person: typeof signer, requestId: string) =>
    approvalOf({ db, blobStore, kek, tick }, person, [requestId]);

  const sign = async (requestId: string) => signSignatureRequests(await stepOf(signer, requestId));
  const seal = async (requestId: string) =>
    sealSignatureRequests({ ...(await stepOf(sealer, requestId)), publicUrl: w.config.publicUrl });

  /** A dossier whose result is signed and sealed (status 9). */
  async function sealedDossier(): Promise<{ code: string; requestId: string }> {
    const approved = await approvedForSigning();
    await sign(approved.requestId);
    await seal(approved.requestId);
    return approved;
  }

  return { w, kek, signer, sealer, approvedForSigning, sign, seal, sealedDossier };
}
