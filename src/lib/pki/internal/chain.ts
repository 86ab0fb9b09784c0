/**
 * Certification path building and validation (RFC 5280 §6.1, simplified to what xaso's PKI uses): from the
 * end-entity certificate up to one of the trust anchors, each certificate signed by the next, within its
 * validity at the validation time, CAs with basicConstraints cA and keyCertSign, path lengths respected,
 * no unknown critical extension. Policy processing and name constraints are not implemented (RFC 5280
 * §6.1.3 (d)–(f)): a certificate with a critical nameConstraints or policyConstraints is refused instead.
 */
import { X509Certificate } from 'node:crypto';
import { equalBytes, type ParsedCertificate, parseCertificate } from './certificate.ts';
import { oid } from './oids.ts';

export type ChainProblem =
  /** No path from the certificate to any trust anchor could be built from the certificates at hand. */
  | 'NO_PATH_TO_TRUST_ANCHOR'
  /** A certificate of the path was not yet valid or no longer valid at the validation time. */
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  /** An issuer in the path is not a CA, may not sign certificates, or its path length is exceeded. */
  | 'ISSUER_NOT_CA'
  /** A certificate in the path has a critical extension this validator does not process. */
  | 'UNKNOWN_CRITICAL_EXTENSION';

export interface ChainResult {
  readonly isValid: boolean;
  /** From the end-entity certificate to the trust anchor, inclusive (empty when no path was found). */
  readonly path: readonly ParsedCertificate[];
  readonly problems: readonly ChainProblem[];
}

const processedExtensions = new Set<string>([
  oid.basicConstraints,
  oid.keyUsage,
  oid.extKeyUsage,
  oid.certificatePolicies,
  oid.subjectAltName,
  oid.subjectKeyIdentifier,
  oid.authorityKeyIdentifier,
]);

/** `issuer` names and signed `child` (RFC 5280 §6.1.3 (a)(1), (a)(4)). */
export function signedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (!equalBytes(child.issuer, issuer.subject)) {
    return false;
  }
  try {
    return new X509Certificate(child.der).verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function tryParse(der: Uint8Array): ParsedCertificate | undefined {
  try {
    return parseCertificate(der);
  } catch {
    return undefined;
  }
}

export function validateChain(
  endEntity: ParsedCertificate,
  options: {
    readonly intermediates: readonly Uint8Array[];
    readonly trustAnchors: readonly Uint8Array[];
    readonly at: Date;
  },
): ChainResult {
  const anchors = options.trustAnchors.map(tryParse).filter((c) => c !== undefined);
  const pool = options.intermediates.map(tryParse).filter((c) => c !== undefined);
  const path: ParsedCertificate[] = [endEntity];
  let anchored = anchors.some((anchor) => equalBytes(anchor.der, endEntity.der));
  for (let depth = 0; !anchored && depth < 8; depth++) {
    const current = path[path.length - 1]!;
    const anchor = anchors.find((candidate) => signedBy(current, candidate));
    if (anchor) {
      path.push(anchor);
      anchored = true;
      break;
    }
    const next = pool.find((candidate) => !path.includes(candidate) && signedBy(current, candidate));
    if (!next) {
      break;
    }
    path.push(next);
  }
  if (!anchored) {
    return { isValid: false, path: [], problems: ['NO_PATH_TO_TRUST_ANCHOR'] };
  }
  const problems = new Set<ChainProblem>();
  const at = options.at.getTime();
  path.forEach((certificate, index) => {
    const isAnchor = index === path.length - 1;
    if (at < certificate.notBefore.getTime()) {
      problems.add('CERTIFICATE_NOT_YET_VALID');
    }
    if (at > certificate.notAfter.getTime()) {
      problems.add('CERTIFICATE_EXPIRED');
    }
    if (index > 0) {
      // RFC 5280 §6.1.4 (k), (l), (n): issuers are CAs with keyCertSign, within their pathLenConstraint.
      const belowCount = index - 1; // non-self-issued intermediates between this CA and the end entity
      const pathOk = certificate.pathLength === undefined || belowCount <= certificate.pathLength;
      const usageOk = certificate.keyUsage === undefined || certificate.keyUsage.has(5);
      if (!certificate.isCa || !usageOk || !pathOk) {
        problems.add('ISSUER_NOT_CA');
      }
    }
    if (!isAnchor && certificate.criticalExtensions.some((id) => !processedExtensions.has(id))) {
      problems.add('UNKNOWN_CRITICAL_EXTENSION');
    }
  });
  return { isValid: problems.size === 0, path, problems: [...problems] };
}
