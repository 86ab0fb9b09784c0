// Incremental C2SP tlog-tiles: appending a batch of leaf hashes to a tree of `size` rewrites only the
// rightmost tile of each level, and adds the new ones. A level-0 tile that becomes full contributes its
// root to the level above (tlog-tiles §Merkle Tree), and so on up.
import { TlogError } from './errors.ts';
import { nodeHash } from './hashes.ts';
import { assertSize } from './internal/ranges.ts';
import { HASH_SIZE } from './internal/sha256.ts';
import { TILE_HEIGHT, TILE_WIDTH, type TileData, tileSpan } from './tile.ts';
import type { TileReader } from './tile-hash-reader.ts';

function tileRoot(hashes: readonly Uint8Array[]): Uint8Array {
  let level = [...hashes];
  for (let h = 0; h < TILE_HEIGHT; h++) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(nodeHash(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    }
    level = next;
  }
  return level[0] as Uint8Array;
}

function concat(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((hash, i) => {
    out.set(hash, i * HASH_SIZE);
  });
  return out;
}

/**
 * The tiles that change when `leafHashes` are appended to the tree of `size`, with their new contents.
 * `readTiles` supplies the current partial tile of each level (when there is one).
 */
export async function appendTiles(options: {
  size: number;
  leafHashes: readonly Uint8Array[];
  readTiles: TileReader;
}): Promise<TileData[]> {
  const { size } = options;
  assertSize('size', size);
  const changed: TileData[] = [];
  let added: Uint8Array[] = [...options.leafHashes];
  for (let level = 0; added.length > 0; level++) {
    const before = Math.floor(size / tileSpan(level));
    const index = Math.floor(before / TILE_WIDTH);
    const width = before - index * TILE_WIDTH;
    let existing: Uint8Array[] = [];
    if (width > 0) {
      const [data] = await options.readTiles([{ level, index, width }]);
      if (!data || data.length < width * HASH_SIZE) {
        throw new TlogError('MISSING_HASH', `tile ${level}/${index} of width ${width} is missing`);
      }
      existing = Array.from({ length: width }, (_, i) => data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
    }
    const all = [...existing, ...added];
    const above: Uint8Array[] = [];
    for (let start = 0; start < all.length; start += TILE_WIDTH) {
      const hashes = all.slice(start, start + TILE_WIDTH);
      changed.push({
        level,
        index: index + start / TILE_WIDTH,
        width: hashes.length,
        hashes: concat(hashes),
      });
      if (hashes.length === TILE_WIDTH) {
        above.push(tileRoot(hashes));
      }
    }
    added = above;
  }
  return changed;
}
