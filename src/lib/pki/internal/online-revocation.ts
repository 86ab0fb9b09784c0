/**
 * Fetching revocation data over HTTP for `allowOnline` verification: OCSP by POST (RFC 6960 Appendix A.1)
 * to the authorityInfoAccess URLs, CRLs by GET from cRLDistributionPoints. Failures (network, HTTP status,
 * timeouts of 5 s) are swallowed: the status then stays unknown.
 */
import { createOcspRequest } from '../create-ocsp-request.ts';
import type { ParsedCertificate } from './certificate.ts';

const timeoutMs = 5000;

async function fetchBytes(url: string, init: RequestInit = {}): Promise<Uint8Array | undefined> {
  if (!/^https?:\/\//.test(url)) {
    return undefined;
  }
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      return undefined;
    }
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return undefined;
  }
}

export async function fetchRevocationData(
  certificate: ParsedCertificate,
  issuer: ParsedCertificate,
): Promise<{ crls: Uint8Array[]; ocspResponses: Uint8Array[] }> {
  const ocspResponses: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  for (const url of certificate.ocspUrls) {
    const body = createOcspRequest(certificate.der, issuer.der);
    const response = await fetchBytes(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: Buffer.from(body),
    });
    if (response) {
      ocspResponses.push(response);
      break;
    }
  }
  if (ocspResponses.length === 0) {
    for (const url of certificate.crlUrls) {
      const crl = await fetchBytes(url);
      if (crl) {
        crls.push(crl);
        break;
      }
    }
  }
  return { crls, ocspResponses };
}
