/**
 * First pass of two-pass CAdES signing (ETSI EN 319 122-1 §5.1–5.2, baseline B-B): builds the signed
 * attributes over a content digest and returns their DER plus the digest the signer must sign.
 * Attributes: content-type (id-data), message-digest, signing-certificate-v2, and deliberately NO
 * signing-time: PAdES baseline forbids it (ETSI EN 319 142-1 §6.3; the time lives in the PDF's /M).
 */
import { PkiError } from './errors.ts';
import { algorithmForKey } from './internal/algorithms.ts';
import { parseCertificate, rememberParsedCertificate, sha256 } from './internal/certificate.ts';
import { encodeSignedAttributes } from './internal/cms.ts';
import { oid } from './internal/oids.ts';
import type { SignatureAlgorithm } from './signer.ts';

export interface PrepareCadesOptions {
  /** SHA-256 of the signed content (for PAdES: of the ByteRange bytes). */
  readonly contentDigest: Uint8Array;
  readonly certificate: Uint8Array;
  /** Issuing CA certificates, signer's issuer first; they go into SignedData.certificates. */
  readonly chain?: readonly Uint8Array[];
  /** Default: derived from the certificate key (RSA → rsa-pkcs1-sha256, P-256 → ecdsa-p256-sha256). */
  readonly algorithm?: SignatureAlgorithm;
}

/** Everything frozen between the two passes. Plain data: it can be stored and assembled later. */
export interface PreparedCadesSignature {
  /** DER of the SET OF signed attributes (tag 0x31), exactly the bytes hashed into digestToSign. */
  readonly signedAttributes: Uint8Array;
  /** SHA-256 of signedAttributes (RFC 5652 §5.4): what Signer.signDigest receives. */
  readonly digestToSign: Uint8Array;
  readonly certificate: Uint8Array;
  readonly chain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
}

export function prepareCadesSignature(options: PrepareCadesOptions): PreparedCadesSignature {
  if (options.contentDigest.length !== 32) {
    throw new PkiError('INVALID_ARGUMENT', 'contentDigest must be a 32-byte SHA-256 digest');
  }
  const certificate = parseCertificate(options.certificate);
  const algorithm = options.algorithm ?? algorithmForKey(certificate.publicKey);
  if ((algorithm === 'ecdsa-p256-sha256') !== (certificate.publicKey.asymmetricKeyType === 'ec')) {
    throw new PkiError('UNSUPPORTED_ALGORITHM', `${algorithm} does not fit the certificate's key`);
  }
  const signedAttributes = encodeSignedAttributes(oid.data, options.contentDigest, options.certificate);
  const certificateCopy = new Uint8Array(options.certificate);
  rememberParsedCertificate(certificateCopy, certificate); // assembleCadesSignature reads it again
  return {
    signedAttributes,
    digestToSign: sha256(signedAttributes),
    certificate: certificateCopy,
    chain: (options.chain ?? []).map((der) => new Uint8Array(der)),
    algorithm,
  };
}
