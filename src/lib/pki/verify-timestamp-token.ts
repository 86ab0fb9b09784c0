/**
 * Validates an RFC 3161 TimeStampToken (§2.4.2): it covers the expected digest, its SignerInfo verifies
 * over TSTInfo with signing-certificate(-v2) of the TSA certificate, the TSA certificate has the sole
 * critical EKU id-kp-timeStamping (§2.3), and it chains to a trust anchor at genTime. Never throws on a
 * bad token that parses; throws PkiError('MALFORMED_INPUT') on one that does not.
 */
import { equalBytes, sha256 } from './internal/certificate.ts';
import { type ChainProblem, validateChain } from './internal/chain.ts';
import { checkSignerInfo } from './internal/check-signer-info.ts';
import { oid } from './internal/oids.ts';
import { checkRevocation, type RevocationStatus } from './internal/revocation.ts';
import { parseTimeStampToken } from './internal/tsp.ts';

export type TimestampProblem =
  /** The token's messageImprint is not the expected digest. */
  | 'IMPRINT_MISMATCH'
  /** The signature, content-type or message-digest of the token's SignerInfo does not verify. */
  | 'SIGNATURE_INVALID'
  /** The TSA certificate is not in the token or the certificates given. */
  | 'TSA_CERTIFICATE_NOT_FOUND'
  /** The TSA certificate lacks the sole critical id-kp-timeStamping EKU. */
  | 'TSA_CERTIFICATE_NOT_FOR_TIMESTAMPING'
  /** No signing-certificate(-v2) attribute, or it does not match the TSA certificate. */
  | 'SIGNING_CERTIFICATE_MISMATCH'
  /** The TSA certificate was revoked before genTime. */
  | 'TSA_CERTIFICATE_REVOKED'
  | ChainProblem;

export interface TimestampVerification {
  readonly isValid: boolean;
  readonly genTime?: Date;
  readonly policy?: string;
  readonly serialNumber?: string;
  readonly tsaSubject?: ReadonlyArray<readonly [string, string]>;
  readonly tsaCertificate?: Uint8Array;
  readonly chain: readonly Uint8Array[];
  readonly revocation?: RevocationStatus;
  readonly problems: readonly TimestampProblem[];
}

export interface VerifyTimestampOptions {
  /** The digest the token must cover (e.g. SHA-256 of a CMS signature value). */
  readonly digest: Uint8Array;
  readonly trustAnchors: readonly Uint8Array[];
  /** Extra certificates (chain, DSS) beyond those inside the token. */
  readonly certificates?: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  readonly ocspResponses?: readonly Uint8Array[];
}

export function verifyTimestampToken(
  token: Uint8Array,
  options: VerifyTimestampOptions,
): TimestampVerification {
  const parsed = parseTimeStampToken(token);
  const { tstInfo } = parsed;
  const problems: TimestampProblem[] = [];
  if (!equalBytes(tstInfo.hashedMessage, options.digest) || tstInfo.hashAlgorithm !== oid.sha256) {
    problems.push('IMPRINT_MISMATCH');
  }
  const certificates = [...parsed.signedData.certificates, ...(options.certificates ?? [])];
  const info = parsed.signedData.signerInfos[0];
  const check = info
    ? checkSignerInfo(info, {
        certificates,
        contentType: oid.tstInfo,
        contentDigest: sha256(parsed.tstInfoDer),
      })
    : undefined;
  const certificate = check?.certificate;
  if (!(check?.isSignatureOk && check.isDigestOk && check.isContentTypeOk)) {
    problems.push('SIGNATURE_INVALID');
  }
  const base = {
    genTime: tstInfo.genTime,
    policy: tstInfo.policy,
    serialNumber: tstInfo.serialNumber,
  };
  if (!certificate) {
    problems.push('TSA_CERTIFICATE_NOT_FOUND');
    return { isValid: false, ...base, chain: [], problems };
  }
  // RFC 3161 §2.4.1 / RFC 5816: ESSCertID (v1) or ESSCertIDv2 identifies the TSA certificate.
  if (!(check?.isSigningCertificateV2Ok || check?.isSigningCertificateV1Ok)) {
    problems.push('SIGNING_CERTIFICATE_MISMATCH');
  }
  if (
    certificate.extendedKeyUsage?.length !== 1 ||
    certificate.extendedKeyUsage[0] !== oid.kpTimeStamping ||
    !certificate.criticalExtensions.includes(oid.extKeyUsage)
  ) {
    problems.push('TSA_CERTIFICATE_NOT_FOR_TIMESTAMPING');
  }
  const chain = validateChain(certificate, {
    intermediates: certificates,
    trustAnchors: options.trustAnchors,
    at: tstInfo.genTime,
  });
  problems.push(...chain.problems);
  let revocation: RevocationStatus | undefined;
  if (chain.path.length > 1) {
    revocation = checkRevocation(certificate, chain.path[1]!, {
      crls: options.crls ?? [],
      ocspResponses: options.ocspResponses ?? [],
      at: tstInfo.genTime,
    });
    if (revocation.status === 'revoked') {
      problems.push('TSA_CERTIFICATE_REVOKED');
    }
  }
  return {
    isValid: problems.length === 0,
    ...base,
    tsaSubject: certificate.subjectFields,
    tsaCertificate: certificate.der,
    chain: chain.path.map((c) => c.der),
    ...(revocation ? { revocation } : {}),
    problems,
  };
}
