/**
 * The cryptographic checks of one SignerInfo (RFC 5652 §5.4, §5.6, §11; RFC 5035 §5.4): find the signer
 * certificate, compare content-type and message-digest with what was signed, verify the signature over the
 * DER SET OF signed attributes, and match signing-certificate-v2 against the signer certificate.
 */

import type { SignatureAlgorithm } from '../signer.ts';
import { readSignatureAlgorithm } from './algorithms.ts';
import { equalBytes, type ParsedCertificate, parseCertificate, sha256 } from './certificate.ts';
import type { ParsedSignerInfo } from './cms.ts';
import { content, readOid } from './der.ts';
import { readSigningCertificateV2 } from './ess.ts';
import { oid } from './oids.ts';
import { verifySignature } from './verify-signature.ts';

export interface SignerInfoCheck {
  readonly certificate?: ParsedCertificate;
  readonly algorithm?: SignatureAlgorithm;
  readonly isDigestAlgorithmSupported: boolean;
  readonly isContentTypeOk: boolean;
  readonly isDigestOk: boolean;
  readonly isSignatureOk: boolean;
  /** Number of signing-certificate-v2 attributes (ETSI EN 319 122-1 §5.2.2.3: exactly one). */
  readonly signingCertificateV2Count: number;
  readonly isSigningCertificateV2Ok: boolean;
  readonly hasSigningTime: boolean;
}

function findSigner(
  certificates: readonly Uint8Array[],
  info: ParsedSignerInfo,
): ParsedCertificate | undefined {
  for (const der of certificates) {
    let certificate: ParsedCertificate;
    try {
      certificate = parseCertificate(der);
    } catch {
      continue;
    }
    const matches = info.issuer
      ? equalBytes(info.issuer, certificate.issuer) &&
        equalBytes(info.serialNumber!, certificate.serialNumber)
      : info.subjectKeyIdentifier !== undefined &&
        certificate.subjectKeyIdentifier !== undefined &&
        equalBytes(info.subjectKeyIdentifier, certificate.subjectKeyIdentifier);
    if (matches) {
      return certificate;
    }
  }
  return undefined;
}

export function checkSignerInfo(
  info: ParsedSignerInfo,
  options: {
    readonly certificates: readonly Uint8Array[];
    readonly contentType: string;
    readonly contentDigest: Uint8Array;
  },
): SignerInfoCheck {
  const certificate = findSigner(options.certificates, info);
  const attributes = (type: string) => info.signedAttributes.filter((a) => a.type === type);
  const isDigestAlgorithmSupported = info.digestAlgorithm === oid.sha256;
  const contentTypes = attributes(oid.contentType);
  const isContentTypeOk =
    contentTypes.length === 1 &&
    contentTypes[0]!.values.length === 1 &&
    readOid(contentTypes[0]!.values[0]) === options.contentType;
  const digests = attributes(oid.messageDigest);
  const isDigestOk =
    isDigestAlgorithmSupported &&
    digests.length === 1 &&
    digests[0]!.values.length === 1 &&
    digests[0]!.values[0]!.tag === 0x04 &&
    equalBytes(content(digests[0]!.values[0]!), options.contentDigest);
  let algorithm: SignatureAlgorithm | undefined;
  let isSignatureOk = false;
  if (certificate && info.signedAttributesDer) {
    try {
      const read = readSignatureAlgorithm(info.signatureAlgorithm);
      algorithm = read.algorithm;
      isSignatureOk = verifySignature(
        certificate.publicKey,
        read.algorithm,
        info.signedAttributesDer,
        info.signature,
        read.saltLength,
      );
    } catch {
      isSignatureOk = false;
    }
  }
  const essAttributes = attributes(oid.signingCertificateV2);
  let isSigningCertificateV2Ok = false;
  if (certificate && essAttributes.length === 1 && essAttributes[0]!.values.length === 1) {
    try {
      const id = readSigningCertificateV2(essAttributes[0]!.values[0]!);
      isSigningCertificateV2Ok =
        id !== undefined &&
        id.hashAlgorithm === oid.sha256 &&
        equalBytes(id.certHash, sha256(certificate.der)) &&
        (id.issuer === undefined || equalBytes(id.issuer, certificate.issuer)) &&
        (id.serialNumber === undefined || equalBytes(id.serialNumber, certificate.serialNumber));
    } catch {
      isSigningCertificateV2Ok = false;
    }
  }
  return {
    ...(certificate ? { certificate } : {}),
    ...(algorithm ? { algorithm } : {}),
    isDigestAlgorithmSupported,
    isContentTypeOk,
    isDigestOk,
    isSignatureOk,
    signingCertificateV2Count: essAttributes.length,
    isSigningCertificateV2Ok,
    hasSigningTime: attributes(oid.signingTime).length > 0,
  };
}
