// Arithmetic on Merkle tree ranges (RFC 9162 §2.1.1). Sizes are JavaScript numbers: every operation stays
// exact below 2^53, far beyond any log xaso keeps; no 32-bit bitwise operators are used.
import { TlogError } from '../errors.ts';

/** A complete subtree: the 2^level leaves starting at index·2^level. */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
}

export function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TlogError('INVALID_RANGE', `${name} must be a non-negative integer (got ${value})`);
  }
}

/** k: the largest power of two smaller than n (n > 1), where RFC 9162 §2.1.1 splits D[n]. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

/**
 * The complete subtrees covering D[lo:hi], left to right, in decreasing size. For the ranges that RFC 9162
 * recursion produces (and for [0, n)), MTH(D[lo:hi]) is these subtree hashes folded from the right.
 */
export function rangeNodes(lo: number, hi: number): TreeNode[] {
  const nodes: TreeNode[] = [];
  let position = lo;
  while (position < hi) {
    let level = 0;
    let width = 1;
    while (position % (width * 2) === 0 && position + width * 2 <= hi) {
      width *= 2;
      level += 1;
    }
    nodes.push({ level, index: position / width });
    position += width;
  }
  return nodes;
}
