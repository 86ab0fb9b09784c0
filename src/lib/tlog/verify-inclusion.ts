// RFC 9162 §2.1.3.2: verifying an inclusion proof, step by step as the RFC words it.
import { TlogError } from './errors.ts';
import { nodeHash } from './hashes.ts';
import { assertHash, equalBytes } from './internal/bytes.ts';
import { assertSize } from './internal/ranges.ts';

export interface InclusionCheck {
  readonly index: number;
  readonly size: number;
  /** The leaf hash of the entry (leafHash(entry)). */
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** Throws TlogError INVALID_PROOF unless the proof shows leafHash at index in the tree with rootHash. */
export function verifyInclusion(check: InclusionCheck): void {
  assertSize('index', check.index);
  assertSize('size', check.size);
  assertHash('leafHash', check.leafHash);
  assertHash('rootHash', check.rootHash);
  for (const [i, hash] of check.proof.entries()) {
    assertHash(`proof[${i}]`, hash);
  }
  // 1. If leaf_index >= tree_size, stop and fail.
  if (check.index >= check.size) {
    throw new TlogError('INVALID_PROOF', `leaf ${check.index} is not in a tree of size ${check.size}`);
  }
  // 2. fn = leaf_index, sn = tree_size - 1. 3. r = hash.
  let fn = check.index;
  let sn = check.size - 1;
  let r = check.leafHash;
  // 4. For each value p in the inclusion_path array:
  for (const p of check.proof) {
    if (sn === 0) {
      throw new TlogError('INVALID_PROOF', 'the inclusion proof is too long');
    }
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 5. sn must be 0 and r must equal the root hash.
  if (sn !== 0) {
    throw new TlogError('INVALID_PROOF', 'the inclusion proof is too short');
  }
  if (!equalBytes(r, check.rootHash)) {
    throw new TlogError('INVALID_PROOF', 'the inclusion proof does not lead to the root hash');
  }
}
