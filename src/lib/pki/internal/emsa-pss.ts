/**
 * EMSA-PSS encoding (RFC 8017 §9.1.1) with SHA-256 and MGF1-SHA-256 (RFC 8017 Appendix B.2.1), for signing a
 * digest computed elsewhere: node:crypto only applies PSS to a message it hashes itself.
 */
import { createHash } from 'node:crypto';
import { PkiError } from '../errors.ts';

const hashLength = 32;

/** MGF1 (RFC 8017 Appendix B.2.1). */
export function mgf1(seed: Uint8Array, maskLength: number): Uint8Array {
  const out = new Uint8Array(maskLength);
  const counter = new Uint8Array(4);
  for (let i = 0, offset = 0; offset < maskLength; i++, offset += hashLength) {
    new DataView(counter.buffer).setUint32(0, i);
    const block = createHash('sha256').update(seed).update(counter).digest();
    out.set(block.subarray(0, Math.min(hashLength, maskLength - offset)), offset);
  }
  return out;
}

/**
 * EMSA-PSS-ENCODE(M, emBits) where mHash = Hash(M) is given (steps 1–2 done by the caller).
 * Returns EM of length ceil(emBits / 8).
 */
export function emsaPssEncode(mHash: Uint8Array, emBits: number, salt: Uint8Array): Uint8Array {
  const emLen = Math.ceil(emBits / 8);
  if (mHash.length !== hashLength) {
    throw new PkiError('INVALID_ARGUMENT', 'EMSA-PSS: the digest must be 32 bytes (SHA-256)');
  }
  // Step 3: emLen < hLen + sLen + 2 → "encoding error".
  if (emLen < hashLength + salt.length + 2) {
    throw new PkiError('INVALID_ARGUMENT', 'EMSA-PSS: key too short for the salt');
  }
  // Steps 5–6: M' = (0x)00 00 00 00 00 00 00 00 || mHash || salt; H = Hash(M').
  const h = createHash('sha256').update(new Uint8Array(8)).update(mHash).update(salt).digest();
  // Steps 7–8: DB = PS || 0x01 || salt.
  const dbLength = emLen - hashLength - 1;
  const db = new Uint8Array(dbLength);
  db[dbLength - salt.length - 1] = 0x01;
  db.set(salt, dbLength - salt.length);
  // Steps 9–10: maskedDB = DB xor MGF(H, emLen - hLen - 1).
  const mask = mgf1(h, dbLength);
  for (let i = 0; i < dbLength; i++) {
    db[i]! ^= mask[i]!;
  }
  // Step 11: clear the leftmost 8·emLen − emBits bits.
  db[0]! &= 0xff >> (8 * emLen - emBits);
  // Step 12: EM = maskedDB || H || 0xbc.
  const em = new Uint8Array(emLen);
  em.set(db, 0);
  em.set(h, dbLength);
  em[emLen - 1] = 0xbc;
  return em;
}
