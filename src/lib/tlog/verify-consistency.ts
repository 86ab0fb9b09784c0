// RFC 9162 §2.1.4.2: verifying a consistency proof, step by step as the RFC words it.
import { TlogError } from './errors.ts';
import { nodeHash } from './hashes.ts';
import { assertHash, equalBytes } from './internal/bytes.ts';
import { assertSize } from './internal/ranges.ts';

export interface ConsistencyCheck {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldRootHash: Uint8Array;
  readonly newRootHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) {
    x /= 2;
  }
  return x === 1;
}

/** Throws TlogError INVALID_PROOF unless the tree (oldSize, oldRootHash) is a prefix of (newSize, newRootHash). */
export function verifyConsistency(check: ConsistencyCheck): void {
  assertSize('oldSize', check.oldSize);
  assertSize('newSize', check.newSize);
  assertHash('oldRootHash', check.oldRootHash);
  assertHash('newRootHash', check.newRootHash);
  for (const [i, hash] of check.proof.entries()) {
    assertHash(`proof[${i}]`, hash);
  }
  const { oldSize: first, newSize: second } = check;
  if (first > second) {
    throw new TlogError('INVALID_PROOF', `a tree of size ${first} cannot be a prefix of size ${second}`);
  }
  if (first === second || first === 0) {
    // Nothing to prove: the proof is empty, and equal sizes must have equal roots (an empty tree is a
    // prefix of every tree).
    if (check.proof.length !== 0) {
      throw new TlogError('INVALID_PROOF', 'the consistency proof must be empty');
    }
    if (first === second && !equalBytes(check.oldRootHash, check.newRootHash)) {
      throw new TlogError('INVALID_PROOF', 'two trees of the same size have different roots');
    }
    return;
  }
  // 1. If consistency_path is an empty array, stop and fail.
  if (check.proof.length === 0) {
    throw new TlogError('INVALID_PROOF', 'the consistency proof is empty');
  }
  // 2. If first is an exact power of 2, prepend first_hash to the consistency_path array.
  const path = isPowerOfTwo(first) ? [check.oldRootHash, ...check.proof] : [...check.proof];
  // 3. fn = first - 1, sn = second - 1.
  let fn = first - 1;
  let sn = second - 1;
  // 4. If LSB(fn) is set, right-shift both fn and sn equally until LSB(fn) is not set.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr = sr = the first value in the consistency_path array.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // 6. For each subsequent value c in the consistency_path array:
  for (const c of path.slice(1)) {
    if (sn === 0) {
      throw new TlogError('INVALID_PROOF', 'the consistency proof is too long');
    }
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7. fr must equal first_hash, sr must equal second_hash, and sn must be 0.
  if (sn !== 0) {
    throw new TlogError('INVALID_PROOF', 'the consistency proof is too short');
  }
  if (!equalBytes(fr, check.oldRootHash)) {
    throw new TlogError('INVALID_PROOF', 'the consistency proof does not lead to the old root hash');
  }
  if (!equalBytes(sr, check.newRootHash)) {
    throw new TlogError('INVALID_PROOF', 'the consistency proof does not lead to the new root hash');
  }
}
