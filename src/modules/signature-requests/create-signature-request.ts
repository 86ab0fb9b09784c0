// Makes a signature request inside the CALLER's transaction (issue 5 §4), so the module that needs a
// signed PDF (a document, a dossier result, a receipt, a certified copy) writes its own change and the
// request together. The caller authorises; this checks what a request itself needs: a readable PDF, a
// signer who leads the unit and holds a personal credential for it, the subject named. The PDF is stored
// in the blob store (by content, so a rolled-back transaction leaves at most an unreferenced file).
import { randomUUID } from 'node:crypto';
import type { Trx } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { listUnitSigners } from '../signing/find-signing-credential.ts';
import { placeSignatureFields } from './signature-placement.ts';
import {
  findSignatureRequest,
  insertSignatureRequest,
  insertSignatureRequestEvent,
} from './signature-request.repository.ts';
import type { FieldBox, SignatureRequest } from './signature-request.table.ts';
import { signerRuleFor } from './signer-role.ts';

/** Largest PDF a request takes (a scanned certified copy at 200 dpi stays well below). */
export const MAX_REQUEST_PDF_BYTES = 20 * 1024 * 1024;

export interface CreateSignatureRequestOptions {
  readonly blobStore: BlobStore;
  /** Who asks: a staff member, or null for the system (e.g. a workflow step). */
  readonly actorStaffId: string | null;
  readonly requestId: string | null;
  readonly unitId: string;
  /** 'document', 'dossier-result', 'receipt', 'certified-copy'…: the key of the completion handlers. */
  readonly subjectType: string;
  readonly subjectId: string;
  readonly title: string;
  readonly pdf: Uint8Array;
  /** The leader who signs (or, with needsSeal false, e.g. the receiving officer signing a receipt). */
  readonly signerStaffId: string;
  /** Default true: the unit's seal is applied by a clerk after the signature. */
  readonly needsSeal?: boolean;
  /** 1-based page for the signature fields; default the last page (ignored when the PDF has them). */
  readonly page?: number;
  /** Exactly where the (first) signature goes, e.g. the officer's block of a generated form. */
  readonly signatureBox?: FieldBox;
  readonly now?: Date;
}

export async function createSignatureRequest(
  trx: Trx,
  options: CreateSignatureRequestOptions,
): Promise<SignatureRequest> {
  const now = options.now ?? new Date();
  const needsSeal = options.needsSeal ?? true;
  const title = options.title.trim();
  if (title.length === 0 || title.length > 300) {
    throw new AppError('VALIDATION_FAILED', 'A title of 1 to 300 characters.', {
      fields: { title: 'required' },
    });
  }
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(options.subjectType) || !/^\S{1,100}$/.test(options.subjectId)) {
    throw new AppError('VALIDATION_FAILED', 'The subject type and id are short identifiers.', {
      fields: { subject: 'invalid' },
    });
  }
  if (options.pdf.length > MAX_REQUEST_PDF_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The PDF is larger than 20 MB.', { fields: { pdf: 'tooLarge' } });
  }
  if (Buffer.from(options.pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only PDF files are signed.', {
      fields: { pdf: 'pdfInvalid' },
    });
  }
  const signers = await listUnitSigners(trx, options.unitId, now, signerRuleFor(options.subjectType).role);
  if (!signers.some((s) => s.staffId === options.signerStaffId)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The signer must hold the signing role and a certificate on the unit.',
      {
        fields: { signer: 'signerInvalid' },
      },
    );
  }
  const { pdf, placement } = placeSignatureFields(options.pdf, {
    needsSeal,
    page: options.page,
    leaderBox: options.signatureBox,
  });
  const original = await options.blobStore.put(options.pdf);
  const prepared = await options.blobStore.put(pdf);
  const id = randomUUID();
  await insertSignatureRequest(trx, {
    id,
    unit_id: options.unitId,
    subject_type: options.subjectType,
    subject_id: options.subjectId,
    title,
    state: 'awaiting_leader',
    needs_seal: needsSeal,
    signer_staff_id: options.signerStaffId,
    created_by_staff_id: options.actorStaffId,
    sealed_by_staff_id: null,
    original_sha256: original.sha256,
    current_sha256: prepared.sha256,
    placement: JSON.stringify(placement),
    return_reason: null,
    leader_signed_at: null,
    sealed_at: null,
    completed_at: null,
    closed_at: null,
    sign_key: null,
    seal_key: null,
    created_at: now,
  });
  await insertSignatureRequestEvent(trx, {
    requestId: id,
    step: 'created',
    staffId: options.actorStaffId,
    at: now,
  });
  await appendAuditEvent(trx, {
    actor: options.actorStaffId ? { type: 'staff', id: options.actorStaffId } : { type: 'system', id: null },
    action: 'signature_request.created',
    unitId: options.unitId,
    subjectType: 'signature_request',
    subjectId: id,
    requestId: options.requestId,
    at: now,
    state: { state: 'awaiting_leader', sha256: prepared.sha256 },
    details: {
      subjectType: options.subjectType,
      subjectId: options.subjectId,
      signer: options.signerStaffId,
      needsSeal,
      original: original.sha256,
    },
  });
  const created = await findSignatureRequest(trx, id);
  if (!created) {
    throw new AppError('INTERNAL', 'The signature request just written cannot be read back.');
  }
  return created;
}
