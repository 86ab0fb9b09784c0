/**
 * A plain summary of an X.509 certificate for reports and certificate pages: subject and issuer fields
 * (CN, O, OU, T, UID, L, ST, C…), serial, validity, key, usages and the revocation URLs it names.
 */

import { parseCertificate, sha256 } from './internal/certificate.ts';
import { firstValues } from './internal/name.ts';

export interface CertificateSummary {
  /** First value of each subject attribute by short name. */
  readonly subject: Readonly<Record<string, string>>;
  readonly subjectFields: ReadonlyArray<readonly [string, string]>;
  readonly issuer: Readonly<Record<string, string>>;
  /** Lowercase hex of the serial INTEGER content (the form CRL and OCSP functions take). */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** 'rsa-2048', 'ec-prime256v1', … */
  readonly publicKey: string;
  readonly isCa: boolean;
  /** KeyUsage names set (RFC 5280 §4.2.1.3); undefined when the extension is absent. */
  readonly keyUsage?: readonly string[];
  readonly extendedKeyUsage?: readonly string[];
  readonly ocspUrls: readonly string[];
  readonly crlUrls: readonly string[];
  /** SHA-256 of the DER, hex. */
  readonly fingerprint: string;
}

const keyUsageNames = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export function describeCertificate(der: Uint8Array): CertificateSummary {
  const certificate = parseCertificate(der);
  const details = certificate.publicKey.asymmetricKeyDetails;
  const type = certificate.publicKey.asymmetricKeyType ?? 'unknown';
  return {
    subject: firstValues(certificate.subjectFields),
    subjectFields: certificate.subjectFields,
    issuer: firstValues(certificate.issuerFields),
    serialNumber: certificate.serialHex,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    publicKey: `${type}-${details?.modulusLength ?? details?.namedCurve ?? ''}`,
    isCa: certificate.isCa,
    ...(certificate.keyUsage
      ? {
          keyUsage: [...certificate.keyUsage]
            .sort((a, b) => a - b)
            .map((bit) => keyUsageNames[bit] ?? String(bit)),
        }
      : {}),
    ...(certificate.extendedKeyUsage ? { extendedKeyUsage: certificate.extendedKeyUsage } : {}),
    ocspUrls: certificate.ocspUrls,
    crlUrls: certificate.crlUrls,
    fingerprint: Buffer.from(sha256(der)).toString('hex'),
  };
}
