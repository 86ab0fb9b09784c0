/**
 * One-call CAdES signing over a content digest: prepare → Signer.signDigest → (timestamp) → assemble.
 * With `timestamp`, the result is CAdES B-T: the callback receives SHA-256 of the signature value
 * (RFC 3161 Appendix A: the messageImprint covers the SignerInfo signature) and returns a TimeStampToken.
 */
import { assembleCadesSignature } from './assemble-cades-signature.ts';
import { sha256 } from './internal/certificate.ts';
import { prepareCadesSignature } from './prepare-cades-signature.ts';
import type { Signer } from './signer.ts';

export interface SignCadesOptions {
  /** Returns a DER TimeStampToken over the given SHA-256 digest of the signature value. */
  readonly timestamp?: (digestOfSignature: Uint8Array) => Promise<Uint8Array>;
}

export async function signCades(
  contentDigest: Uint8Array,
  signer: Signer,
  options: SignCadesOptions = {},
): Promise<Uint8Array> {
  const prepared = prepareCadesSignature({
    contentDigest,
    certificate: signer.certificate,
    chain: signer.chain,
    algorithm: signer.algorithm,
  });
  const signature = await signer.signDigest(prepared.digestToSign);
  const unsignedTimestamp = options.timestamp ? await options.timestamp(sha256(signature)) : undefined;
  return assembleCadesSignature({ prepared, signature, ...(unsignedTimestamp ? { unsignedTimestamp } : {}) });
}
