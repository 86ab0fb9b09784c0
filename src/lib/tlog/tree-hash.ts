// The root MTH(D[0:size]) (RFC 9162 §2.1.1) from stored subtree hashes.
import { type HashReader, readFolded } from './hash-reader.ts';
import { emptyTreeHash } from './hashes.ts';
import { assertSize, rangeNodes } from './internal/ranges.ts';

export async function treeHash(size: number, reader: HashReader): Promise<Uint8Array> {
  assertSize('size', size);
  if (size === 0) {
    return emptyTreeHash();
  }
  const [root] = await readFolded(reader, [rangeNodes(0, size)]);
  return root as Uint8Array;
}
