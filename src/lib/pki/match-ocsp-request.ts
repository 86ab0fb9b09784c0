/**
 * For an OCSP responder (issue 5): does a request entry (from parseOcspRequest) ask about a certificate of
 * this CA? Compares the CertID's issuerNameHash and issuerKeyHash with the CA certificate, in the hash the
 * request used (SHA-1 or SHA-256), as RFC 6960 §4.1.1 defines them.
 */
import { equalBytes, parseCertificate } from './internal/certificate.ts';
import { certIdHashes } from './internal/ocsp.ts';
import type { ParsedOcspRequest } from './parse-ocsp-request.ts';

export function matchesOcspRequest(
  request: ParsedOcspRequest['requests'][number],
  issuer: Uint8Array,
): boolean {
  const hashes = certIdHashes(parseCertificate(issuer), request.hashAlgorithm);
  return (
    hashes !== undefined &&
    equalBytes(hashes.nameHash, request.issuerNameHash) &&
    equalBytes(hashes.keyHash, request.issuerKeyHash)
  );
}
