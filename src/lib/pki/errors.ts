/**
 * Errors of the PKI library. The code union is closed: callers switch on `code`, never on the message.
 * Bad signatures, broken chains or revoked certificates are NOT errors: verification reports them in its
 * result. A PkiError means the input could not be read or the operation could not be carried out.
 */
export type PkiErrorCode =
  /** An argument is missing, of the wrong size or inconsistent (e.g. a digest that is not 32 bytes). */
  | 'INVALID_ARGUMENT'
  /** DER/BER input is truncated or not the ASN.1 structure expected (certificate, CMS, CRL, OCSP, TSP). */
  | 'MALFORMED_INPUT'
  /** A key type, curve, digest or signature algorithm outside the supported set (RSA ≥ 2048, P-256, SHA-256). */
  | 'UNSUPPORTED_ALGORITHM'
  /** The private key does not belong to the certificate it is paired with. */
  | 'KEY_CERTIFICATE_MISMATCH'
  /** The PKCS#12 MAC or the key bag could not be opened with the password given. */
  | 'PKCS12_BAD_PASSWORD'
  /** The PKCS#12 file is readable but holds no private key, no matching certificate, or an unsupported bag. */
  | 'PKCS12_UNSUPPORTED'
  /** A timestamp authority answered with a status other than granted / grantedWithMods (RFC 3161 §2.4.2). */
  | 'TIMESTAMP_REJECTED'
  /** The signing key, device or remote service failed to produce a signature. */
  | 'SIGNING_FAILED';

export class PkiError extends Error {
  readonly code: PkiErrorCode;

  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PkiError';
    this.code = code;
  }
}
