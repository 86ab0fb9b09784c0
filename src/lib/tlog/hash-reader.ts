// Proofs are generated from stored hashes rather than from the entries: a HashReader hands out the hash
// of any complete subtree (level, index) of the tree, e.g. from C2SP tlog-tiles (tile-hash-reader.ts).
import { TlogError } from './errors.ts';
import { nodeHash } from './hashes.ts';
import type { TreeNode } from './internal/ranges.ts';

export type { TreeNode } from './internal/ranges.ts';

export interface HashReader {
  /** The hashes of the given complete subtrees, in the order asked. */
  readHashes(nodes: readonly TreeNode[]): Promise<Uint8Array[]>;
}

/** Reads every node of every group in one call, then folds each group from the right into one hash. */
export async function readFolded(reader: HashReader, groups: readonly TreeNode[][]): Promise<Uint8Array[]> {
  const flat = groups.flat();
  const hashes = await reader.readHashes(flat);
  if (hashes.length !== flat.length) {
    throw new TlogError('MISSING_HASH', `the hash reader returned ${hashes.length} of ${flat.length} hashes`);
  }
  const folded: Uint8Array[] = [];
  let offset = 0;
  for (const group of groups) {
    const part = hashes.slice(offset, offset + group.length);
    offset += group.length;
    let hash = part[part.length - 1];
    for (let i = part.length - 2; i >= 0; i--) {
      hash = nodeHash(part[i] as Uint8Array, hash as Uint8Array);
    }
    if (!hash) {
      throw new TlogError('MISSING_HASH', 'empty range');
    }
    folded.push(hash);
  }
  return folded;
}
