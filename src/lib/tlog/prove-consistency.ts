// RFC 9162 §2.1.4.1: the consistency proof PROOF(m, D[n]) that the tree of size m is a prefix of the tree
// of size n.

import { TlogError } from './errors.ts';
import { type HashReader, readFolded } from './hash-reader.ts';
import { assertSize, rangeNodes, splitPoint, type TreeNode } from './internal/ranges.ts';

function subproof(m: number, lo: number, hi: number, isOriginal: boolean, out: TreeNode[][]): void {
  const n = hi - lo;
  if (m === n) {
    // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
    if (!isOriginal) {
      out.push(rangeNodes(lo, hi));
    }
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
    subproof(m, lo, lo + k, isOriginal, out);
    out.push(rangeNodes(lo + k, hi));
  } else {
    // SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
    subproof(m - k, lo + k, hi, false, out);
    out.push(rangeNodes(lo, lo + k));
  }
}

/** Empty when oldSize is 0 or equals newSize (nothing to prove). */
export async function proveConsistency(
  oldSize: number,
  newSize: number,
  reader: HashReader,
): Promise<Uint8Array[]> {
  assertSize('oldSize', oldSize);
  assertSize('newSize', newSize);
  if (oldSize > newSize) {
    throw new TlogError('INVALID_RANGE', `a tree of size ${oldSize} cannot be a prefix of size ${newSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) {
    return [];
  }
  const groups: TreeNode[][] = [];
  subproof(oldSize, 0, newSize, true, groups);
  return readFolded(reader, groups);
}
