/**
 * ESS signing-certificate-v2 (RFC 5035 §3; required exactly once by ETSI EN 319 122-1 §5.2.2):
 *   SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies ... OPTIONAL }
 *   ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT {id-sha256},
 *                              certHash OCTET STRING, issuerSerial IssuerSerial OPTIONAL }
 *   IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
 * hashAlgorithm is SHA-256, the DEFAULT, so DER leaves it out (X.690 §11.5).
 */
import { type ParsedCertificate, parseCertificate, sha256 } from './certificate.ts';
import { children, content, type Element, octetString, readOid, sequence, tlv } from './der.ts';
import { oid } from './oids.ts';

/** The value depends on the certificate alone: built once per parsed certificate (issue 3 §8). */
const encodedByCertificate = new WeakMap<ParsedCertificate, Uint8Array>();

export function signingCertificateV2(certificateDer: Uint8Array): Uint8Array {
  const certificate = parseCertificate(certificateDer);
  let value = encodedByCertificate.get(certificate);
  if (!value) {
    // GeneralNames ::= SEQUENCE OF GeneralName; directoryName [4] Name, explicit because Name is a CHOICE.
    const issuerSerial = sequence(
      sequence(tlv(0xa4, certificate.issuer)),
      tlv(0x02, certificate.serialNumber),
    );
    value = sequence(sequence(sequence(octetString(sha256(certificate.der)), issuerSerial)));
    encodedByCertificate.set(certificate, value);
  }
  return new Uint8Array(value);
}

export interface EssCertIdV2 {
  readonly hashAlgorithm: string;
  readonly certHash: Uint8Array;
  readonly issuer?: Uint8Array;
  readonly serialNumber?: Uint8Array;
}

/**
 * Reads the first ESSCertIDv2 (the signer's, RFC 5035 §3) of a SigningCertificateV2 value, or with
 * `version` 1 the first ESSCertID of a SigningCertificate (RFC 2634 §5.4: SHA-1 hash, no algorithm field).
 */
export function readSigningCertificateV2(value: Element, version: 1 | 2 = 2): EssCertIdV2 | undefined {
  const [certs] = children(value);
  const first = certs ? children(certs)[0] : undefined;
  if (!first) {
    return undefined;
  }
  const fields = children(first);
  let index = 0;
  let hashAlgorithm: string = version === 1 ? '1.3.14.3.2.26' : oid.sha256;
  if (version === 2 && fields[0]?.tag === 0x30) {
    hashAlgorithm = readOid(children(fields[0])[0]);
    index++;
  }
  const certHash = content(fields[index++]!);
  const issuerSerial = fields[index];
  if (!issuerSerial) {
    return { hashAlgorithm, certHash };
  }
  const [generalNames, serial] = children(issuerSerial);
  const directoryName = children(generalNames!).find((name) => name.tag === 0xa4);
  const issuer = directoryName ? children(directoryName)[0] : undefined;
  return {
    hashAlgorithm,
    certHash,
    ...(issuer ? { issuer: issuer.bytes.subarray(issuer.start, issuer.end) } : {}),
    ...(serial ? { serialNumber: content(serial) } : {}),
  };
}
