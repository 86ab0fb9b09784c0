// A clerk applies the unit's seal (the organisation's signature) after the leader's, on one or N requests
// (issue 5 §4): the unit's seal name, the time and a QR code to the public verification page
// /xac-minh/<id>, PAdES B-T. Completing the request runs the subject's completion handlers in the same
// transaction.
import { qrDarkRuns } from '../receipts/qr-code.ts';
import { type SignBatchOptions, type SignBatchResult, signRequestBatch } from './sign-request-batch.ts';
import { sealingLines } from './signature-request-completion.ts';

/** The public verification page a sealed document's QR code opens. */
export function verificationUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/xac-minh/${requestId}`;
}

export function sealSignatureRequests(
  options: SignBatchOptions & { readonly publicUrl: string },
): Promise<SignBatchResult> {
  return signRequestBatch(options, {
    kind: 'seal',
    permission: () => 'document.seal',
    from: 'awaiting_seal',
    keyColumn: 'seal_key',
    mayAct: () => true,
    field: (request) =>
      request.placement.sealField && request.placement.seal
        ? { name: request.placement.sealField, box: request.placement.seal }
        : undefined,
    appearance: (_actor, unit, request) => ({
      signerName: unit.seal_name,
      lines: ['Quét mã QR để xác minh'],
      qr: qrDarkRuns(verificationUrl(options.publicUrl, request.id)),
    }),
    // The subject's number (a result's `Số: 05/QĐ-UBND`) is drawn into the seal before it is signed.
    extraLines: (requests, now) => sealingLines(options.db, requests, now),
    reason: 'Đóng dấu cơ quan / Organisation seal',
    after: (_request, actor, now) => ({
      state: 'completed',
      sealed_by_staff_id: actor.staffId,
      sealed_at: now,
      completed_at: now,
    }),
  });
}
