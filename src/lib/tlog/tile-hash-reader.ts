// A HashReader over C2SP tlog-tiles: a subtree at tree level h lies in a tile at level floor(h / 8); the
// levels between stored ones are rebuilt by hashing the tile's hashes (tlog-tiles §Merkle Tree).
import { TlogError } from './errors.ts';
import type { HashReader, TreeNode } from './hash-reader.ts';
import { nodeHash } from './hashes.ts';
import { HASH_SIZE } from './internal/sha256.ts';
import { TILE_HEIGHT, TILE_WIDTH, type Tile } from './tile.ts';
import { tileInTree } from './tiles-for-size.ts';

/** Reads tiles (exactly `width` hashes, or more: a longer tile's prefix is the shorter one). */
export type TileReader = (tiles: readonly Tile[]) => Promise<Uint8Array[]>;

interface Located {
  readonly tile: Tile;
  /** Height of the subtree above the tile's stored hashes (0-7). */
  readonly sublevel: number;
  /** First stored hash of the subtree within the tile. */
  readonly offset: number;
}

function locate(node: TreeNode, size: number): Located {
  const tileLevel = Math.floor(node.level / TILE_HEIGHT);
  const sublevel = node.level - tileLevel * TILE_HEIGHT;
  const first = node.index * 2 ** sublevel;
  const index = Math.floor(first / TILE_WIDTH);
  const offset = first - index * TILE_WIDTH;
  const tile = tileInTree(tileLevel, index, size);
  if (!tile || tile.width < offset + 2 ** sublevel) {
    throw new TlogError(
      'MISSING_HASH',
      `subtree ${node.level}/${node.index} is not complete in size ${size}`,
    );
  }
  return { tile, sublevel, offset };
}

function subtree(hashes: Uint8Array, offset: number, sublevel: number): Uint8Array {
  let level: Uint8Array[] = [];
  for (let i = 0; i < 2 ** sublevel; i++) {
    const start = (offset + i) * HASH_SIZE;
    level.push(hashes.subarray(start, start + HASH_SIZE));
  }
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(nodeHash(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    }
    level = next;
  }
  return level[0] as Uint8Array;
}

/** Reads the subtrees of the tree of `size` from its tiles, one readTiles call per readHashes call. */
export function createTileHashReader(size: number, readTiles: TileReader): HashReader {
  return {
    async readHashes(nodes) {
      const located = nodes.map((node) => locate(node, size));
      const keys = [...new Set(located.map((l) => `${l.tile.level}/${l.tile.index}`))];
      const tiles = keys.map(
        (key) => located.find((l) => `${l.tile.level}/${l.tile.index}` === key)?.tile as Tile,
      );
      const data = tiles.length > 0 ? await readTiles(tiles) : [];
      const byKey = new Map<string, Uint8Array>();
      tiles.forEach((tile, i) => {
        const hashes = data[i];
        if (!hashes || hashes.length < tile.width * HASH_SIZE || hashes.length % HASH_SIZE !== 0) {
          throw new TlogError('MISSING_HASH', `tile ${tile.level}/${tile.index} is missing or too short`);
        }
        byKey.set(`${tile.level}/${tile.index}`, hashes);
      });
      return located.map((l) =>
        subtree(byKey.get(`${l.tile.level}/${l.tile.index}`) as Uint8Array, l.offset, l.sublevel),
      );
    },
  };
}
