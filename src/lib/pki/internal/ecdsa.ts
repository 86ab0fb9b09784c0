/** ECDSA signature encodings: raw r||s (IEEE P1363, WebCrypto) → DER ECDSA-Sig-Value (RFC 5480 §2.2.3). */
import { sequence, unsignedInteger } from './der.ts';

export function rawEcdsaToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}
