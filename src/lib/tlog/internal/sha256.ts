// SHA-256 with the one-shot `crypto.hash` (about twice as fast as createHash for small inputs,
// shared/AUDIT-LOG.md).
import { hash } from 'node:crypto';

export const HASH_SIZE = 32;

export function sha256(data: Uint8Array): Uint8Array {
  const digest = hash('sha256', data, 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

/** SHA-256 of the UTF-8 encoding of `text`, without an intermediate copy. */
export function sha256Text(text: string): Uint8Array {
  const digest = hash('sha256', text, 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}
