/**
 * Fetches revocation data for one certificate from the URLs it names (OCSP from authorityInfoAccess, else
 * the CRL from cRLDistributionPoints), e.g. to embed in a PDF's DSS for PAdES B-LT. Network failures give
 * empty lists, never an exception; the answers are not validated here (verifyCadesSignature does that).
 */
import { parseCertificate } from './internal/certificate.ts';
import { fetchRevocationData as fetchFor } from './internal/online-revocation.ts';

export interface RevocationData {
  readonly crls: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
}

export function fetchRevocationData(certificate: Uint8Array, issuer: Uint8Array): Promise<RevocationData> {
  return fetchFor(parseCertificate(certificate), parseCertificate(issuer));
}
