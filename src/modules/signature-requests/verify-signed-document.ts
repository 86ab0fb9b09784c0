// Public verification (issue 5 §5), no account: an uploaded PDF (/xac-minh), or the document a seal's QR
// code names (/xac-minh/<id>, only once the request is completed). Signatures are checked against the
// roots this deployment trusts, offline (no network from a public page); the report says, per signature,
// who signed, when, the verdict, the PAdES level and whether the document changed after signing.
import { createHash } from 'node:crypto';
import type { Db } from '../../database.ts';
import { PdfError, type PdfVerificationReport, verifyPdf } from '../../lib/pdf/index.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { listTrustAnchors } from '../signing/list-trust-anchors.ts';
import { MAX_REQUEST_PDF_BYTES } from './create-signature-request.ts';
import { findSignatureRequest } from './signature-request.repository.ts';

async function verify(db: Db, pdf: Uint8Array): Promise<PdfVerificationReport> {
  try {
    return await verifyPdf(pdf, { trustAnchors: await listTrustAnchors(db), allowOnline: false });
  } catch (error) {
    if (error instanceof PdfError) {
      throw new AppError('VALIDATION_FAILED', 'The file is not a PDF that can be read.', {
        cause: error,
        fields: { file: 'pdfInvalid' },
      });
    }
    throw error;
  }
}

/** An uploaded file: 413 when too large, 415 when not a PDF, 400 when unreadable or unsigned. */
export async function verifyUploadedPdf(options: { db: Db; pdf: Uint8Array | undefined }) {
  const pdf = options.pdf;
  if (!pdf || pdf.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Choose a PDF file.', { fields: { file: 'required' } });
  }
  if (pdf.length > MAX_REQUEST_PDF_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 20 MB.', {
      fields: { file: 'tooLarge' },
    });
  }
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is not a PDF.', {
      fields: { file: 'pdfInvalid' },
    });
  }
  const report = await verify(options.db, pdf);
  if (report.signatures.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The PDF has no digital signature.', {
      fields: { file: 'noSignatures' },
    });
  }
  return { report, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/** The completed request a QR code names; NOT_FOUND for anything else (nothing about open requests leaks). */
export async function getPublicVerification(options: {
  db: Db;
  blobStore: BlobStore;
  signatureRequestId: string;
}) {
  const request = await findSignatureRequest(options.db, options.signatureRequestId);
  const pdf =
    request?.state === 'completed' ? await options.blobStore.get(request.current_sha256) : undefined;
  const unit = request ? await findUnitById(options.db, request.unit_id) : undefined;
  if (!request || !pdf || !unit) {
    throw new AppError('NOT_FOUND', 'No signed document has this code.');
  }
  return {
    id: request.id,
    title: request.title,
    unitName: unit.name,
    completedAt: request.completed_at,
    sha256: request.current_sha256,
    report: await verify(options.db, pdf),
  };
}
