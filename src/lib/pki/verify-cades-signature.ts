/**
 * Validation of a detached CAdES signature (ETSI EN 319 102-1 in spirit) against a content digest:
 * integrity (message-digest), the CMS signature, signing-certificate-v2, the certification path to the
 * trust anchors, revocation (CRLs and OCSP responses given, embedded in the CMS, or fetched when
 * allowOnline), and the signature timestamp (B-T). Bad signatures are reported, never thrown: a PkiError
 * ('MALFORMED_INPUT') means the CMS could not be read at all.
 *
 * Time: with a valid signature timestamp, the certificates are checked at its genTime (the timestamp is the
 * proof that the signature existed then, ETSI EN 319 102-1 §5.6.2.1); otherwise at `at` (default now).
 * Verdicts follow EN 319 102-1 §5.1.3: FAILED for a broken signature or a certificate revoked before the
 * signing time; INDETERMINATE when trust, validity or revocation cannot be established.
 */
import { PkiError } from './errors.ts';
import { sha256 } from './internal/certificate.ts';
import { type ChainProblem, validateChain } from './internal/chain.ts';
import { checkSignerInfo } from './internal/check-signer-info.ts';
import { parseSignedData } from './internal/cms.ts';
import { firstValues } from './internal/name.ts';
import { oid } from './internal/oids.ts';
import { fetchRevocationData } from './internal/online-revocation.ts';
import { checkRevocation, type RevocationStatus } from './internal/revocation.ts';
import type { SignatureAlgorithm } from './signer.ts';
import {
  type TimestampProblem,
  type TimestampVerification,
  verifyTimestampToken,
} from './verify-timestamp-token.ts';

export type CadesVerdict = 'passed' | 'failed' | 'indeterminate';

export type CadesProblem =
  /** The message-digest attribute is not the digest of the content (content changed). → failed */
  | 'DIGEST_MISMATCH'
  /** content-type missing, repeated, or not id-data. → failed */
  | 'CONTENT_TYPE_INVALID'
  /** A digest algorithm other than SHA-256 (not produced or accepted by xaso). → indeterminate */
  | 'UNSUPPORTED_DIGEST_ALGORITHM'
  /** The signature over the signed attributes does not verify. → failed */
  | 'SIGNATURE_INVALID'
  /** No certificate in the CMS (or given) matches the SignerInfo. → indeterminate */
  | 'SIGNER_CERTIFICATE_NOT_FOUND'
  /** No signing-certificate-v2 attribute (ETSI EN 319 122-1 §5.2.2.3). → indeterminate */
  | 'SIGNING_CERTIFICATE_V2_MISSING'
  /** More than one signing-certificate-v2 attribute. → indeterminate */
  | 'SIGNING_CERTIFICATE_V2_DUPLICATED'
  /** signing-certificate-v2 names another certificate than the signer's. → failed */
  | 'SIGNING_CERTIFICATE_V2_MISMATCH'
  /** The signer certificate's key usage allows neither digitalSignature nor nonRepudiation. → indeterminate */
  | 'KEY_USAGE_NOT_FOR_SIGNING'
  /** A certificate of the path was revoked before the signing time. → failed */
  | 'CERTIFICATE_REVOKED'
  /** No usable revocation data for a certificate of the path while requireRevocation is set. → indeterminate */
  | 'REVOCATION_UNKNOWN'
  /** Only stale revocation data (see REVOCATION_DATA_STALE) while requireRevocation is set. → indeterminate */
  | 'REVOCATION_STALE'
  /** The signature timestamp does not verify or does not cover this signature. → failed */
  | 'TIMESTAMP_INVALID'
  /** The signature timestamp is intact but its TSA cannot be trusted (path, validity, EKU, revocation). → indeterminate */
  | 'TIMESTAMP_UNTRUSTED'
  /** The CMS has no SignerInfo, or more than one (xaso signs one per CMS). → failed */
  | 'SIGNER_INFO_COUNT'
  | ChainProblem;

/** Findings that do not change the verdict but a report should show. */
export type CadesWarning =
  /** A CMS signing-time attribute is present (PAdES baseline forbids it, ETSI EN 319 142-1 §6.3). */
  | 'SIGNING_TIME_PRESENT'
  /** No revocation data for some certificate of the path (and requireRevocation is off). */
  | 'NO_REVOCATION_DATA'
  /**
   * Revocation data that does not speak for the validation time (and requireRevocation is off): a CRL past
   * its nextUpdate, an OCSP response produced outside `ocspToleranceMs` of it or past its nextUpdate.
   */
  | 'REVOCATION_DATA_STALE'
  /** The signer certificate was revoked, but after the signing time proven by the timestamp. */
  | 'REVOKED_AFTER_SIGNING_TIME';

const failing = new Set<CadesProblem>([
  'DIGEST_MISMATCH',
  'CONTENT_TYPE_INVALID',
  'SIGNATURE_INVALID',
  'SIGNING_CERTIFICATE_V2_MISMATCH',
  'CERTIFICATE_REVOKED',
  'TIMESTAMP_INVALID',
  'SIGNER_INFO_COUNT',
]);

/** Timestamp problems that mean the token is forged or belongs elsewhere, not merely unverifiable. */
const brokenTimestamp = new Set<TimestampProblem>([
  'IMPRINT_MISMATCH',
  'SIGNATURE_INVALID',
  'SIGNING_CERTIFICATE_MISMATCH',
]);

export interface CertificateRevocation extends RevocationStatus {
  readonly subject: ReadonlyArray<readonly [string, string]>;
  readonly serialNumber: string;
}

export interface CadesVerification {
  readonly verdict: CadesVerdict;
  readonly problems: readonly CadesProblem[];
  readonly warnings: readonly CadesWarning[];
  readonly level: 'B-B' | 'B-T';
  readonly integrity: { readonly isValid: boolean };
  readonly signature: { readonly isValid: boolean; readonly algorithm?: SignatureAlgorithm };
  readonly signingCertificateV2: { readonly count: number; readonly isValid: boolean };
  readonly chain: {
    readonly isValid: boolean;
    readonly certificates: readonly Uint8Array[];
    readonly problems: readonly ChainProblem[];
  };
  readonly revocation: {
    readonly status: 'good' | 'revoked' | 'unknown';
    readonly certificates: readonly CertificateRevocation[];
  };
  readonly timestamp?: TimestampVerification;
  readonly signer?: {
    readonly certificate: Uint8Array;
    /** Subject attributes by short name (CN, O, OU, T, UID, L, ST, C…); the first value of each. */
    readonly subject: Readonly<Record<string, string>>;
    readonly subjectFields: ReadonlyArray<readonly [string, string]>;
    readonly issuer: Readonly<Record<string, string>>;
    readonly serialNumber: string;
    readonly notBefore: Date;
    readonly notAfter: Date;
  };
  /** The time the certificates were checked at, and where it came from. */
  readonly validationTime: Date;
  readonly timeSource: 'signature-timestamp' | 'validation-time';
}

export interface VerifyCadesOptions {
  readonly trustAnchors: readonly Uint8Array[];
  /** Validation time; default now. */
  readonly at?: Date;
  /** Extra certificates (e.g. from a PDF's DSS) besides those in the CMS. */
  readonly certificates?: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  readonly ocspResponses?: readonly Uint8Array[];
  /** Fetch OCSP (AIA) and CRLs (CDP) over HTTP when the data given does not settle a certificate. */
  readonly allowOnline?: boolean;
  /** Make missing or stale revocation data INDETERMINATE instead of a warning. Default false. */
  readonly requireRevocation?: boolean;
  /**
   * How far (ms) an OCSP response's producedAt may lie before or after the validation time and still
   * count as fresh (RFC 6960 §4.2.2.1 leaves the local policy to the validator). Default 24 hours.
   */
  readonly ocspToleranceMs?: number;
}

export async function verifyCadesSignature(
  cms: Uint8Array,
  contentDigest: Uint8Array,
  options: VerifyCadesOptions,
): Promise<CadesVerification> {
  if (contentDigest.length !== 32) {
    throw new PkiError('INVALID_ARGUMENT', 'contentDigest must be a 32-byte SHA-256 digest');
  }
  const parsed = parseSignedData(cms);
  const problems = new Set<CadesProblem>();
  const warnings = new Set<CadesWarning>();
  if (parsed.signerInfos.length !== 1) {
    problems.add('SIGNER_INFO_COUNT');
  }
  const info = parsed.signerInfos[0];
  if (!info) {
    throw new PkiError('MALFORMED_INPUT', 'the CMS has no SignerInfo');
  }
  const certificates = [...parsed.certificates, ...(options.certificates ?? [])];
  const check = checkSignerInfo(info, { certificates, contentType: oid.data, contentDigest });
  if (!check.isDigestAlgorithmSupported) {
    problems.add('UNSUPPORTED_DIGEST_ALGORITHM');
  } else if (!check.isDigestOk) {
    problems.add('DIGEST_MISMATCH');
  }
  if (!check.isContentTypeOk) {
    problems.add('CONTENT_TYPE_INVALID');
  }
  if (!check.certificate) {
    problems.add('SIGNER_CERTIFICATE_NOT_FOUND');
  } else if (!check.isSignatureOk) {
    problems.add('SIGNATURE_INVALID');
  }
  if (check.signingCertificateV2Count === 0) {
    problems.add('SIGNING_CERTIFICATE_V2_MISSING');
  } else if (check.signingCertificateV2Count > 1) {
    problems.add('SIGNING_CERTIFICATE_V2_DUPLICATED');
  } else if (check.certificate && !check.isSigningCertificateV2Ok) {
    problems.add('SIGNING_CERTIFICATE_V2_MISMATCH');
  }
  if (check.hasSigningTime) {
    warnings.add('SIGNING_TIME_PRESENT');
  }
  const crls = [...(options.crls ?? []), ...parsed.crls];
  const ocspResponses = [...(options.ocspResponses ?? [])];

  // Signature timestamp (RFC 3161 Appendix A): over SHA-256 of the signature value.
  let timestamp: TimestampVerification | undefined;
  const tokenAttribute = info.unsignedAttributes.find((a) => a.type === oid.signatureTimeStampToken);
  if (tokenAttribute?.values[0]) {
    const value = tokenAttribute.values[0];
    try {
      timestamp = verifyTimestampToken(value.bytes.subarray(value.start, value.end), {
        digest: sha256(info.signature),
        trustAnchors: options.trustAnchors,
        certificates,
        crls,
        ocspResponses,
      });
    } catch {
      timestamp = { isValid: false, chain: [], problems: ['SIGNATURE_INVALID'] };
    }
    if (!timestamp.isValid) {
      const isBroken = timestamp.problems.some((p) => brokenTimestamp.has(p));
      problems.add(isBroken ? 'TIMESTAMP_INVALID' : 'TIMESTAMP_UNTRUSTED');
    }
  }
  const now = options.at ?? new Date();
  const timestampTime = timestamp?.isValid ? timestamp.genTime : undefined;
  const validationTime = timestampTime ?? now;

  let chainResult: ReturnType<typeof validateChain> = { isValid: false, path: [], problems: [] };
  const revocations: CertificateRevocation[] = [];
  const certificate = check.certificate;
  if (certificate) {
    if (certificate.keyUsage && !certificate.keyUsage.has(0) && !certificate.keyUsage.has(1)) {
      problems.add('KEY_USAGE_NOT_FOR_SIGNING');
    }
    chainResult = validateChain(certificate, {
      intermediates: certificates,
      trustAnchors: options.trustAnchors,
      at: validationTime,
    });
    for (const problem of chainResult.problems) {
      problems.add(problem);
    }
    // Revocation of every certificate below the trust anchor.
    for (let i = 0; i + 1 < chainResult.path.length; i++) {
      const subject = chainResult.path[i]!;
      const issuer = chainResult.path[i + 1]!;
      const tolerance =
        options.ocspToleranceMs === undefined ? {} : { ocspToleranceMs: options.ocspToleranceMs };
      let status = checkRevocation(subject, issuer, {
        crls,
        ocspResponses,
        at: validationTime,
        ...tolerance,
      });
      if ((status.status === 'unknown' || status.stale) && options.allowOnline) {
        const fetched = await fetchRevocationData(subject, issuer);
        const online = checkRevocation(subject, issuer, { ...fetched, at: validationTime, ...tolerance });
        if (online.status !== 'unknown' && (online.status === 'revoked' || !online.stale || !status.stale)) {
          status = online;
        }
      }
      revocations.push({ ...status, subject: subject.subjectFields, serialNumber: subject.serialHex });
      if (status.status === 'revoked') {
        problems.add('CERTIFICATE_REVOKED');
      } else if (status.status === 'unknown') {
        if (options.requireRevocation) {
          problems.add('REVOCATION_UNKNOWN');
        } else {
          warnings.add('NO_REVOCATION_DATA');
        }
      } else if (status.stale) {
        if (options.requireRevocation) {
          problems.add('REVOCATION_STALE');
        } else {
          warnings.add('REVOCATION_DATA_STALE');
        }
      }
      if (status.revokedLater) {
        if (timestampTime) {
          warnings.add('REVOKED_AFTER_SIGNING_TIME');
        } else if (status.revokedAt && status.revokedAt.getTime() <= now.getTime()) {
          // Without a timestamp nothing proves the signature predates the revocation.
          problems.add('CERTIFICATE_REVOKED');
        }
      }
    }
  }
  const list = [...problems];
  const verdict: CadesVerdict = list.some((p) => failing.has(p))
    ? 'failed'
    : list.length > 0
      ? 'indeterminate'
      : 'passed';
  const revocationStatus = revocations.some((r) => r.status === 'revoked')
    ? 'revoked'
    : revocations.length > 0 && revocations.every((r) => r.status === 'good')
      ? 'good'
      : 'unknown';
  return {
    verdict,
    problems: list,
    warnings: [...warnings],
    level: timestamp ? 'B-T' : 'B-B',
    integrity: { isValid: check.isDigestOk },
    signature: { isValid: check.isSignatureOk, ...(check.algorithm ? { algorithm: check.algorithm } : {}) },
    signingCertificateV2: { count: check.signingCertificateV2Count, isValid: check.isSigningCertificateV2Ok },
    chain: {
      isValid: chainResult.isValid,
      certificates: chainResult.path.map((c) => c.der),
      problems: chainResult.problems,
    },
    revocation: { status: revocationStatus, certificates: revocations },
    ...(timestamp ? { timestamp } : {}),
    ...(certificate
      ? {
          signer: {
            certificate: certificate.der,
            subject: firstValues(certificate.subjectFields),
            subjectFields: certificate.subjectFields,
            issuer: firstValues(certificate.issuerFields),
            serialNumber: certificate.serialHex,
            notBefore: certificate.notBefore,
            notAfter: certificate.notAfter,
          },
        }
      : {}),
    validationTime,
    timeSource: timestampTime ? 'signature-timestamp' : 'validation-time',
  };
}
