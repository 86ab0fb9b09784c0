// Public verification (issue 5 §5), no account: an uploaded PDF (/xac-minh), or the document a seal's QR
// code names (/xac-minh/<id>, only once the request is completed). Signatures are checked against the
// roots this deployment trusts, offline (no network from a public page); the report says, per signature,
// who signed, when, the verdict, the PAdES level and whether the document changed after signing, and the
// signer certificate's revocation status where this server holds it (signing/find-certificate-status.ts):
// a signature whose timestamp predates the revocation keeps its verdict; one timestamped after it fails;
// one without a timestamp cannot prove it came first, so it is indeterminate (ETSI EN 319 102-1 §5.2.8,
// REVOKED_NO_POE). The claimed /M time is the signer's own word and proves nothing here.
import { createHash } from 'node:crypto';
import type { Db } from '../../database.ts';
import {
  PdfError,
  type PdfSignatureReport,
  type PdfVerdict,
  type PdfVerificationReport,
  verifyPdf,
} from '../../lib/pdf/index.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { findCertificateStatus } from '../signing/find-certificate-status.ts';
import { listTrustAnchors } from '../signing/list-trust-anchors.ts';
import { MAX_REQUEST_PDF_BYTES } from './create-signature-request.ts';
import { findSignatureRequest } from './signature-request.repository.ts';

/** The signer certificate's revocation, as the verification page shows it. */
export type SignerRevocation =
  | { readonly state: 'good'; readonly checkedAt: Date }
  | {
      readonly state: 'revoked';
      readonly revokedAt: Date;
      readonly reason: string | null;
      /** Per the signature timestamp; undefined when the signature has none (nothing proves the order). */
      readonly isSignedBefore: boolean | undefined;
    }
  | { readonly state: 'not-checked' };

export type VerifiedSignature = PdfSignatureReport & { readonly revocation?: SignerRevocation };
export type DocumentVerification = Omit<PdfVerificationReport, 'signatures'> & {
  readonly signatures: VerifiedSignature[];
};

const VERDICT_RANK: Record<PdfVerdict, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };
const worse = (a: PdfVerdict, b: PdfVerdict) => (VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b);

async function withRevocation(db: Db, signature: PdfSignatureReport): Promise<VerifiedSignature> {
  const serialHex = signature.signer?.serialNumber;
  const certificateSha256 = signature.signer?.certificateSha256;
  if (signature.kind !== 'signature' || !serialHex || !certificateSha256) {
    return signature;
  }
  const status = await findCertificateStatus(db, { serialHex, certificateSha256 });
  if (status.state !== 'revoked') {
    return { ...signature, revocation: status };
  }
  const isSignedBefore =
    signature.timestampTime === undefined ? undefined : new Date(signature.timestampTime) < status.revokedAt;
  const verdict =
    isSignedBefore === true
      ? signature.verdict
      : worse(signature.verdict, isSignedBefore === false ? 'TOTAL_FAILED' : 'INDETERMINATE');
  return {
    ...signature,
    verdict,
    level: verdict === 'TOTAL_PASSED' ? signature.level : undefined,
    revocation: { ...status, isSignedBefore },
  };
}

async function verify(db: Db, pdf: Uint8Array): Promise<DocumentVerification> {
  let report: PdfVerificationReport;
  try {
    report = await verifyPdf(pdf, { trustAnchors: await listTrustAnchors(db), allowOnline: false });
  } catch (error) {
    if (error instanceof PdfError) {
      throw new AppError('VALIDATION_FAILED', 'The file is not a PDF that can be read.', {
        cause: error,
        fields: { file: 'pdfInvalid' },
      });
    }
    throw error;
  }
  const signatures: VerifiedSignature[] = [];
  for (const signature of report.signatures) {
    signatures.push(await withRevocation(db, signature));
  }
  return { ...report, verdict: signatures.reduce((v, s) => worse(v, s.verdict), report.verdict), signatures };
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
