// RFC 9162 §2.1.3.1: the inclusion proof (audit path) PATH(m, D[n]) of leaf m in the tree of size n.

import { TlogError } from './errors.ts';
import { type HashReader, readFolded } from './hash-reader.ts';
import { assertSize, rangeNodes, splitPoint, type TreeNode } from './internal/ranges.ts';

function path(m: number, lo: number, hi: number, out: TreeNode[][]): void {
  const n = hi - lo;
  if (n <= 1) {
    return; // PATH(0, {d(0)}) = {}
  }
  const k = splitPoint(n);
  if (m - lo < k) {
    // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
    path(m, lo, lo + k, out);
    out.push(rangeNodes(lo + k, hi));
  } else {
    // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
    path(m, lo + k, hi, out);
    out.push(rangeNodes(lo, lo + k));
  }
}

/** The hashes from the leaf's sibling up to the root's child. */
export async function proveInclusion(index: number, size: number, reader: HashReader): Promise<Uint8Array[]> {
  assertSize('index', index);
  assertSize('size', size);
  if (index >= size) {
    throw new TlogError('INVALID_RANGE', `leaf ${index} is not in a tree of size ${size}`);
  }
  const groups: TreeNode[][] = [];
  path(index, 0, size, groups);
  return groups.length === 0 ? [] : readFolded(reader, groups);
}
