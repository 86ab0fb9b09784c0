/**
 * PAdES B-LT validation data for one CAdES signature (ETSI EN 319 142-1 §5.4.2; EN 319 102-1 §5.6.2.5 needs
 * the status of every certificate of both paths): the signer's chain and the chain of each TSA that
 * timestamped the signature, with the revocation data of each certificate but the root, as `revocationData`
 * answers for (certificate, issuer) pairs.
 */
import { type RevocationData, readSignerChains } from '../../pki/index.ts';
import type { PdfValidationData } from '../add-validation-data.ts';

/** Revocation data (OCSP responses, CRLs) for `certificate`, issued by `issuer`; both DER. */
export type RevocationDataSource = (certificate: Uint8Array, issuer: Uint8Array) => Promise<RevocationData>;

export async function buildValidationData(
  cms: Uint8Array,
  revocationData: RevocationDataSource | undefined,
  extraCertificates: readonly Uint8Array[],
): Promise<Required<PdfValidationData>> {
  const chains = readSignerChains(cms, { extraCertificates });
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  const asked = new Set<string>(); // the signer and the TSA often share their issuing CA
  for (const chain of [chains.signer, ...chains.timestampAuthorities]) {
    certificates.push(...chain);
    for (let i = 0; revocationData && i + 1 < chain.length; i++) {
      const key = Buffer.from(chain[i]!).toString('base64');
      if (asked.has(key)) {
        continue;
      }
      asked.add(key);
      const data = await revocationData(chain[i]!, chain[i + 1]!);
      crls.push(...data.crls);
      ocspResponses.push(...data.ocspResponses);
    }
  }
  return { certificates, crls, ocspResponses };
}

export function mergeValidationData(...parts: readonly PdfValidationData[]): PdfValidationData {
  return {
    certificates: parts.flatMap((p) => p.certificates ?? []),
    crls: parts.flatMap((p) => p.crls ?? []),
    ocspResponses: parts.flatMap((p) => p.ocspResponses ?? []),
  };
}
