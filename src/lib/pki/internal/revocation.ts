/**
 * Revocation status of one certificate at a given time from CRLs (RFC 5280 §6.3) and OCSP responses
 * (RFC 6960 §3.2). Only data signed by the certificate's issuer (CRL, direct OCSP) or by a delegated OCSP
 * responder that the issuer certified with id-kp-OCSPSigning is used. A revocation dated after the time
 * of interest does not make the certificate revoked at that time (RFC 5280 §5.3.2 / ETSI EN 319 102-1
 * §5.2.5: the signature existed before); certificateHold is treated as revoked while listed.
 */

import { type ParsedCrl, parseCrl } from '../parse-crl.ts';
import { parseOcspResponse } from '../parse-ocsp-response.ts';
import { readSignatureAlgorithm } from './algorithms.ts';
import { equalBytes, type ParsedCertificate, parseCertificate } from './certificate.ts';
import { certIdHashes } from './ocsp.ts';
import { oid } from './oids.ts';
import type { RevocationReason } from './revocation-reason.ts';
import { verifySignature } from './verify-signature.ts';

export interface RevocationStatus {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly source: 'crl' | 'ocsp' | 'none';
  readonly revokedAt?: Date;
  readonly reason?: RevocationReason;
  /** When the certificate was revoked after the time of interest: still good then, but worth showing. */
  readonly revokedLater?: boolean;
  /**
   * A 'good' answer that does not speak for the time of interest: a CRL whose nextUpdate had passed
   * (RFC 5280 §5.1.2.5), or an OCSP response produced further from it than the tolerance, or past its
   * nextUpdate (RFC 6960 §4.2.2.1). Fresh data wins when there is some.
   */
  readonly stale?: 'CRL_NEXT_UPDATE_PASSED' | 'OCSP_OUTSIDE_TOLERANCE';
}

/** Default OCSP tolerance: a response produced within a day of the time of interest speaks for it. */
export const DEFAULT_OCSP_TOLERANCE_MS = 24 * 3600 * 1000;

function signedWith(
  issuer: ParsedCertificate,
  tbs: Uint8Array,
  algorithmElement: Parameters<typeof readSignatureAlgorithm>[0],
  signature: Uint8Array,
): boolean {
  try {
    const { algorithm, saltLength } = readSignatureAlgorithm(algorithmElement);
    return verifySignature(issuer.publicKey, algorithm, tbs, signature, saltLength);
  } catch {
    return false;
  }
}

function fromCrl(
  certificate: ParsedCertificate,
  issuer: ParsedCertificate,
  crl: ParsedCrl,
  at: Date,
): RevocationStatus | undefined {
  if (
    !equalBytes(crl.issuer, issuer.subject) ||
    !signedWith(issuer, crl.tbs, crl.signatureAlgorithm, crl.signature)
  ) {
    return undefined;
  }
  const entry = crl.revoked.find((revoked) => revoked.serial === certificate.serialHex);
  if (entry && entry.reason !== 'removeFromCRL') {
    if (entry.at.getTime() <= at.getTime()) {
      return {
        status: 'revoked',
        source: 'crl',
        revokedAt: entry.at,
        ...(entry.reason ? { reason: entry.reason } : {}),
      };
    }
    return {
      status: 'good',
      source: 'crl',
      revokedAt: entry.at,
      revokedLater: true,
      ...crlFreshness(crl, at),
    };
  }
  return { status: 'good', source: 'crl', ...crlFreshness(crl, at) };
}

function crlFreshness(crl: ParsedCrl, at: Date): Pick<RevocationStatus, 'stale'> {
  return crl.nextUpdate && crl.nextUpdate.getTime() < at.getTime() ? { stale: 'CRL_NEXT_UPDATE_PASSED' } : {};
}

function ocspSigner(
  issuer: ParsedCertificate,
  certificates: readonly Uint8Array[],
  responderName: Uint8Array | undefined,
  producedAt: Date,
): ParsedCertificate[] {
  const candidates: ParsedCertificate[] = [issuer];
  for (const der of certificates) {
    try {
      const responder = parseCertificate(der);
      // RFC 6960 §4.2.2.2: a delegated responder is issued directly by the CA and carries id-kp-OCSPSigning.
      // …and was valid when it produced the response.
      const isDelegated =
        equalBytes(responder.issuer, issuer.subject) &&
        responder.notBefore.getTime() <= producedAt.getTime() &&
        producedAt.getTime() <= responder.notAfter.getTime() &&
        responder.extendedKeyUsage?.includes(oid.kpOcspSigning) === true &&
        signedWith(issuer, responder.tbs, responder.signatureAlgorithm, responder.signatureValue);
      if (isDelegated && (!responderName || equalBytes(responderName, responder.subject))) {
        candidates.push(responder);
      }
    } catch {
      // an unreadable certificate in the response cannot be the signer
    }
  }
  return candidates;
}

function fromOcsp(
  certificate: ParsedCertificate,
  issuer: ParsedCertificate,
  der: Uint8Array,
  at: Date,
  toleranceMs: number,
): RevocationStatus | undefined {
  let parsed: ReturnType<typeof parseOcspResponse>;
  try {
    parsed = parseOcspResponse(der);
  } catch {
    return undefined;
  }
  const basic = parsed.basic;
  if (parsed.status !== 'successful' || !basic) {
    return undefined;
  }
  const single = basic.responses.find((response) => {
    const hashes = certIdHashes(issuer, response.hashAlgorithm);
    return (
      hashes !== undefined &&
      response.serial === certificate.serialHex &&
      equalBytes(hashes.nameHash, response.issuerNameHash) &&
      equalBytes(hashes.keyHash, response.issuerKeyHash)
    );
  });
  if (!single) {
    return undefined;
  }
  const signers = ocspSigner(issuer, basic.certificates, basic.responderName, basic.producedAt);
  const isSigned = signers.some((signer) =>
    signedWith(signer, basic.tbs, basic.signatureAlgorithm, basic.signature),
  );
  if (!isSigned) {
    return undefined;
  }
  const isOutside =
    Math.abs(basic.producedAt.getTime() - at.getTime()) > toleranceMs ||
    (single.nextUpdate !== undefined && single.nextUpdate.getTime() < at.getTime());
  const freshness: Pick<RevocationStatus, 'stale'> = isOutside ? { stale: 'OCSP_OUTSIDE_TOLERANCE' } : {};
  if (single.status === 'revoked' && single.revokedAt) {
    if (single.revokedAt.getTime() <= at.getTime()) {
      return {
        status: 'revoked',
        source: 'ocsp',
        revokedAt: single.revokedAt,
        ...(single.reason ? { reason: single.reason } : {}),
      };
    }
    return { status: 'good', source: 'ocsp', revokedAt: single.revokedAt, revokedLater: true, ...freshness };
  }
  return { status: single.status, source: 'ocsp', ...(single.status === 'good' ? freshness : {}) };
}

/** Revoked wins over good; good over unknown; no usable data → unknown/none. */
export function checkRevocation(
  certificate: ParsedCertificate,
  issuer: ParsedCertificate,
  data: {
    readonly crls: readonly Uint8Array[];
    readonly ocspResponses: readonly Uint8Array[];
    readonly at: Date;
    /** How far an OCSP response's producedAt may be from `at`, either way (ms). */
    readonly ocspToleranceMs?: number;
  },
): RevocationStatus {
  const results: RevocationStatus[] = [];
  for (const der of data.crls) {
    try {
      const result = fromCrl(certificate, issuer, parseCrl(der), data.at);
      if (result) {
        results.push(result);
      }
    } catch {
      // unreadable CRL: ignored, like an absent one
    }
  }
  for (const der of data.ocspResponses) {
    const result = fromOcsp(
      certificate,
      issuer,
      der,
      data.at,
      data.ocspToleranceMs ?? DEFAULT_OCSP_TOLERANCE_MS,
    );
    if (result) {
      results.push(result);
    }
  }
  return (
    results.find((r) => r.status === 'revoked') ??
    results.find((r) => r.status === 'good' && !r.stale) ??
    results.find((r) => r.status === 'good') ??
    results.find((r) => r.status === 'unknown') ?? { status: 'unknown', source: 'none' }
  );
}
