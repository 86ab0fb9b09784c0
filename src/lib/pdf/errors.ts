/**
 * Errors of the PDF library. The code union is closed: callers switch on `code`, never on the message.
 * A signature that does not verify is NOT an error: `verifyPdf` reports it in its result. A PdfError means
 * the input could not be read or the operation could not be carried out.
 */
export type PdfErrorCode =
  /** The input does not start with a `%PDF-` header (ISO 32000-2 §7.5.2) or is empty. */
  | 'NOT_PDF'
  /** The file structure is broken: no `startxref`, an unreadable cross-reference section, a bad object. */
  | 'MALFORMED'
  /** The trailer has /Encrypt (ISO 32000-2 §7.6): xaso does not sign or verify encrypted documents. */
  | 'ENCRYPTED'
  /** A feature outside the supported set (a stream filter, a page tree without pages, a PNG colour type). */
  | 'UNSUPPORTED'
  /** An option is missing or out of range (page number, rectangle, level, field name already used). */
  | 'INVALID_ARGUMENT'
  /** The CMS to embed is larger than the /Contents placeholder reserved for it. */
  | 'SIGNATURE_TOO_LARGE'
  /** The signer, the CMS builder or the timestamp authority failed while signing. */
  | 'SIGNING_FAILED';

export class PdfError extends Error {
  readonly code: PdfErrorCode;

  constructor(code: PdfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfError';
    this.code = code;
  }
}
