/**
 * The cryptographic checks of one SignerInfo (RFC 5652 §5.4, §5.6, §11; RFC 5035 §5.4): find the signer
 * certificate, compare content-type and message-digest with what was signed, verify the signature over the
 * DER SET OF signed attributes, and match signing-certificate-v2 against the signer certificate.
 */

import { createHash } from 'node:crypto';
import type { SignatureAlgorithm } from '../signer.ts';
import { readSignatureAlgorithm } from './algorithms.ts';
import { equalBytes, type ParsedCertificate, parseCertificate } from './certificate.ts';
import type { ParsedAttribute, ParsedSignerInfo } from './cms.ts';
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
  /** RFC 2634 signing-certificate (v1, SHA-1), still written by many TSAs: present once and matching. */
  readonly isSigningCertificateV1Ok: boolean;
  readonly hasSigningTime: boolean;
}

/** The certificate a SignerInfo names by issuerAndSerialNumber or subjectKeyIdentifier (RFC 5652 §5.3). */
export function findSigner(
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

const hashNames: Record<string, string> = { '1.3.14.3.2.26': 'sha1', [oid.sha256]: 'sha256' };

function matchesEss(attribute: ParsedAttribute, certificate: ParsedCertificate, version: 1 | 2): boolean {
  if (attribute.values.length !== 1) {
    return false;
  }
  try {
    const id = readSigningCertificateV2(attribute.values[0]!, version);
    const hashName = id ? hashNames[id.hashAlgorithm] : undefined;
    return (
      id !== undefined &&
      hashName !== undefined &&
      equalBytes(id.certHash, new Uint8Array(createHash(hashName).update(certificate.der).digest())) &&
      (id.issuer === undefined || equalBytes(id.issuer, certificate.issuer)) &&
      (id.serialNumber === undefined || equalBytes(id.serialNumber, certificate.serialNumber))
    );
  } catch {
    return false;
  }
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
  const essV1Attributes = attributes(oid.signingCertificate);
  const isSigningCertificateV2Ok =
    essAttributes.length === 1 && certificate !== undefined && matchesEss(essAttributes[0]!, certificate, 2);
  const isSigningCertificateV1Ok =
    essV1Attributes.length === 1 &&
    certificate !== undefined &&
    matchesEss(essV1Attributes[0]!, certificate, 1);
  return {
    ...(certificate ? { certificate } : {}),
    ...(algorithm ? { algorithm } : {}),
    isDigestAlgorithmSupported,
    isContentTypeOk,
    isDigestOk,
    isSignatureOk,
    signingCertificateV2Count: essAttributes.length,
    isSigningCertificateV2Ok,
    isSigningCertificateV1Ok,
    hasSigningTime: attributes(oid.signingTime).length > 0,
  };
}
