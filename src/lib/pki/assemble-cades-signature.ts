/**
 * Second pass of two-pass CAdES signing: wraps the signature over the prepared signed attributes into a
 * DER ContentInfo of a detached SignedData (RFC 5652 §5), with the signer certificate and the chain in
 * `certificates` (validators need the intermediates to build the path), and optionally a signature
 * timestamp as unsigned attribute (RFC 3161 Appendix A; CAdES B-T, ETSI EN 319 122-1 §5.3).
 *
 * The signature is checked against the certificate before assembly, so a remote signer returning a wrong
 * or raw-encoded signature is caught here and not by a validator later. A 64-byte raw ECDSA r||s (what
 * WebCrypto and many HSM APIs return) is converted to DER ECDSA-Sig-Value (RFC 5480 §2.2.3).
 */
import { PkiError } from './errors.ts';
import { signatureAlgorithmIdentifier } from './internal/algorithms.ts';
import { equalBytes, parseCertificate, sha256 } from './internal/certificate.ts';
import { attribute, encodeSignedData, encodeSignerInfo } from './internal/cms.ts';
import { rawEcdsaToDer } from './internal/ecdsa.ts';
import { oid } from './internal/oids.ts';
import { parseTimeStampToken } from './internal/tsp.ts';
import { verifySignature } from './internal/verify-signature.ts';
import type { PreparedCadesSignature } from './prepare-cades-signature.ts';

export interface AssembleCadesOptions {
  readonly prepared: PreparedCadesSignature;
  readonly signature: Uint8Array;
  /** DER ContentInfo of an RFC 3161 TimeStampToken over SHA-256 of `signature`. */
  readonly unsignedTimestamp?: Uint8Array;
}

export function assembleCadesSignature(options: AssembleCadesOptions): Uint8Array {
  const { prepared } = options;
  let signature = options.signature;
  if (prepared.algorithm === 'ecdsa-p256-sha256' && signature.length === 64) {
    signature = rawEcdsaToDer(signature);
  }
  const certificate = parseCertificate(prepared.certificate);
  if (!verifySignature(certificate.publicKey, prepared.algorithm, prepared.signedAttributes, signature)) {
    throw new PkiError('SIGNING_FAILED', 'the signature does not verify with the signer certificate');
  }
  const unsignedAttributes: Uint8Array[] = [];
  if (options.unsignedTimestamp) {
    // RFC 3161 Appendix A: the token's imprint is the hash of this SignerInfo's signature value.
    const { tstInfo } = parseTimeStampToken(options.unsignedTimestamp);
    if (!equalBytes(tstInfo.hashedMessage, sha256(signature))) {
      throw new PkiError('INVALID_ARGUMENT', 'the timestamp does not cover this signature value');
    }
    unsignedAttributes.push(attribute(oid.signatureTimeStampToken, options.unsignedTimestamp));
  }
  const signerInfo = encodeSignerInfo({
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    signedAttributes: prepared.signedAttributes,
    signatureAlgorithm: signatureAlgorithmIdentifier(prepared.algorithm),
    signature,
    unsignedAttributes,
  });
  return encodeSignedData({
    certificates: [prepared.certificate, ...prepared.chain],
    signerInfos: [signerInfo],
  });
}
