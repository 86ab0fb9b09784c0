/**
 * Issues an X.509 v3 certificate (RFC 5280) from a CA credential, by profile:
 * - `personal`: an official's signing certificate — keyUsage digitalSignature + nonRepudiation (critical);
 * - `organisation`: a unit's seal certificate — the same key usage, the unit in O/CN;
 * - `tsa`: keyUsage digitalSignature, sole critical EKU id-kp-timeStamping (RFC 3161 §2.3);
 * - `ocsp`: a delegated OCSP responder — EKU id-kp-OCSPSigning and id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2);
 * - `ca`: a subordinate CA — basicConstraints cA, pathLen 0, keyCertSign + cRLSign.
 * Used by the development PKI and by the PKI service (issue 5) for issuance and renewal.
 */
import type { KeyObject } from 'node:crypto';
import { PkiError } from './errors.ts';
import { parseCertificate } from './internal/certificate.ts';
import {
  type CertificateTemplate,
  issueCertificate as issue,
  keyUsageBit,
} from './internal/issue-certificate.ts';
import type { NameAttribute } from './internal/name.ts';
import { oid } from './internal/oids.ts';
import { serialBytes } from './internal/revocation-reason.ts';

export type CertificateProfile = 'personal' | 'organisation' | 'tsa' | 'ocsp' | 'ca';
export type { NameAttribute, NameAttributeType } from './internal/name.ts';

export interface IssueCertificateOptions {
  readonly profile: CertificateProfile;
  /** Most general first, e.g. [['C','VN'], ['ST',…], ['L',…], ['O',…], ['OU',…], ['T',…], ['CN',…], ['UID','CCCD:…']]. */
  readonly subject: readonly NameAttribute[];
  /** The subject's public key (or its private key; only the public half is used). */
  readonly publicKey: KeyObject;
  readonly issuer: { readonly certificate: Uint8Array; readonly privateKey: KeyObject };
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Hex or INTEGER bytes; default a random positive 127-bit serial. */
  readonly serialNumber?: string | Uint8Array;
  readonly policies?: readonly string[];
  readonly ocspUrl?: string;
  readonly crlUrl?: string;
}

export function issueCertificate(options: IssueCertificateOptions): Uint8Array {
  const issuer = parseCertificate(options.issuer.certificate);
  if (!issuer.isCa) {
    throw new PkiError('INVALID_ARGUMENT', 'the issuer certificate is not a CA certificate');
  }
  if (options.notAfter.getTime() <= options.notBefore.getTime()) {
    throw new PkiError('INVALID_ARGUMENT', 'notAfter must be after notBefore');
  }
  const signing = [keyUsageBit.digitalSignature, keyUsageBit.nonRepudiation];
  const profiles: Record<CertificateProfile, Partial<CertificateTemplate>> = {
    personal: { keyUsage: signing },
    organisation: { keyUsage: signing },
    tsa: {
      keyUsage: [keyUsageBit.digitalSignature],
      extendedKeyUsage: [oid.kpTimeStamping],
      extendedKeyUsageCritical: true,
    },
    ocsp: {
      keyUsage: [keyUsageBit.digitalSignature],
      extendedKeyUsage: [oid.kpOcspSigning],
      ocspNoCheck: true,
    },
    ca: { keyUsage: [keyUsageBit.keyCertSign, keyUsageBit.cRLSign], ca: { pathLength: 0 } },
  };
  const profile = profiles[options.profile];
  const isResponder = options.profile === 'ocsp';
  return issue({
    subject: options.subject,
    subjectKey: options.publicKey,
    issuerName: issuer.subject,
    issuerKey: options.issuer.privateKey,
    issuerSpki: issuer.spki,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    keyUsage: profile.keyUsage ?? signing,
    ...profile,
    ...(options.serialNumber ? { serialNumber: serialBytes(options.serialNumber) } : {}),
    ...(options.policies ? { policies: options.policies } : {}),
    // A delegated responder is not itself checked online (nocheck): no AIA OCSP URL in its certificate.
    ...(options.ocspUrl && !isResponder ? { ocspUrl: options.ocspUrl } : {}),
    ...(options.crlUrl ? { crlUrl: options.crlUrl } : {}),
  });
}
