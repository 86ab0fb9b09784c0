// A HashReader over leaf hashes held in memory: small logs, tests and offline recomputation.
import { TlogError } from '../errors.ts';
import type { HashReader, TreeNode } from '../hash-reader.ts';
import { nodeHash } from '../hashes.ts';

export function createMemoryHashReader(leafHashes: readonly Uint8Array[]): HashReader {
  const cache = new Map<string, Uint8Array>();
  const read = (node: TreeNode): Uint8Array => {
    const key = `${node.level}/${node.index}`;
    let hash = cache.get(key);
    if (hash) {
      return hash;
    }
    if (node.level === 0) {
      hash = leafHashes[node.index];
      if (!hash) {
        throw new TlogError('MISSING_HASH', `no leaf ${node.index}`);
      }
    } else {
      const child = node.level - 1;
      hash = nodeHash(
        read({ level: child, index: node.index * 2 }),
        read({ level: child, index: node.index * 2 + 1 }),
      );
    }
    cache.set(key, hash);
    return hash;
  };
  return { readHashes: async (nodes) => nodes.map(read) };
}
