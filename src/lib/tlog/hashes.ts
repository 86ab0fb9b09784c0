// RFC 9162 §2.1.1: the Merkle Tree Hash over SHA-256 with domain separation between leaves and nodes,
// so a leaf can never be passed off as an interior node (second-preimage resistance).
import { HASH_SIZE, sha256, sha256Text } from './internal/sha256.ts';

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(entry: Uint8Array): Uint8Array {
  const input = new Uint8Array(entry.length + 1);
  input[0] = LEAF_PREFIX;
  input.set(entry, 1);
  return sha256(input);
}

/** leafHash of a UTF-8 text entry: U+0000 encodes as the single byte 0x00, so this is SHA-256(0x00 || utf8). */
export function leafHashOfText(entry: string): Uint8Array {
  return sha256Text(`\u0000${entry}`);
}

/** MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + 2 * HASH_SIZE);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + HASH_SIZE);
  return sha256(input);
}

/** MTH({}) = SHA-256() (RFC 9162 §2.1.1): e3b0c442…b855. */
export function emptyTreeHash(): Uint8Array {
  return sha256(new Uint8Array(0));
}
