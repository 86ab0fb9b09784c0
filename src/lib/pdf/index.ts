// The public API of src/lib/pdf: PAdES signing and verification by incremental update (issue 3).
export {
  addPdfDocumentTimestamp,
  type DocumentTimestampOptions,
  type TimestampCallback,
} from './add-document-timestamp.ts';
export { addPdfSignatureFields, type SignatureFieldSpec } from './add-signature-fields.ts';
export { addPdfValidationData, type PdfValidationData } from './add-validation-data.ts';
export { embedPdfSignature } from './embed-signature.ts';
export { PdfError, type PdfErrorCode } from './errors.ts';
export { estimateCmsSize } from './estimate-cms-size.ts';
export { formatPdfVerification } from './format-verification.ts';
export type { SignatureAppearance } from './internal/appearance.ts';
export type { FieldLock } from './internal/field-lock.ts';
export type { RevocationDataSource } from './internal/validation-data.ts';
export {
  type PreparedPdfSignature,
  type PreparePdfSignatureOptions,
  preparePdfSignature,
  type VisibleSignatureOptions,
} from './prepare-signature.ts';
export { type PdfPageImage, type PdfPageImages, readPdfPageImages } from './read-page-images.ts';
export { type PdfLayout, type PdfSignatureFieldInfo, readPdfLayout } from './read-pdf-layout.ts';
export { PADES_LEVELS, type PadesLevel, type SignPdfOptions, signPdf } from './sign-pdf.ts';
export {
  type PadesLevelReached,
  type PdfSignatureProblem,
  type PdfSignatureReport,
  type PdfVerdict,
  type PdfVerificationReport,
  type VerifyPdfOptions,
  verifyPdf,
} from './verify-pdf.ts';
