/**
 * Validates one certificate on its own (RFC 5280 §6.1, as implemented in internal/chain.ts): a path to the
 * trust anchors at time `at`, and the revocation status of every certificate below the anchor from the
 * CRLs and OCSP responses given. For certificate pages, imports of external CA chains and PKCS#12 files.
 */
import { parseCertificate } from './internal/certificate.ts';
import { type ChainProblem, validateChain } from './internal/chain.ts';
import { checkRevocation, type RevocationStatus } from './internal/revocation.ts';

export interface VerifyCertificateOptions {
  readonly trustAnchors: readonly Uint8Array[];
  readonly intermediates?: readonly Uint8Array[];
  /** Default now. */
  readonly at?: Date;
  readonly crls?: readonly Uint8Array[];
  readonly ocspResponses?: readonly Uint8Array[];
}

export interface CertificateVerification {
  /** A trusted path exists, every certificate is within validity, none is revoked at `at`. */
  readonly isValid: boolean;
  /** From the certificate to the trust anchor, DER. */
  readonly path: readonly Uint8Array[];
  readonly problems: readonly (ChainProblem | 'CERTIFICATE_REVOKED')[];
  /** One entry per certificate below the anchor, in path order. */
  readonly revocation: readonly RevocationStatus[];
}

export function verifyCertificate(
  certificate: Uint8Array,
  options: VerifyCertificateOptions,
): CertificateVerification {
  const at = options.at ?? new Date();
  const chain = validateChain(parseCertificate(certificate), {
    intermediates: options.intermediates ?? [],
    trustAnchors: options.trustAnchors,
    at,
  });
  const revocation: RevocationStatus[] = [];
  for (let i = 0; i + 1 < chain.path.length; i++) {
    revocation.push(
      checkRevocation(chain.path[i]!, chain.path[i + 1]!, {
        crls: options.crls ?? [],
        ocspResponses: options.ocspResponses ?? [],
        at,
      }),
    );
  }
  const problems: CertificateVerification['problems'][number][] = [...chain.problems];
  if (revocation.some((status) => status.status === 'revoked')) {
    problems.push('CERTIFICATE_REVOKED');
  }
  return { isValid: problems.length === 0, path: chain.path.map((c) => c.der), problems, revocation };
}
