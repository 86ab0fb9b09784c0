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

/**
 * The levels above a tile's stored hashes (1-7), each node hashed at most once per tile and kept while the
 * tile's bytes are alive (a cached tile's buffer): without it every proof rehashes up to 127 hashes per node
 * it needs, some 700 SHA-256 per inclusion proof. Nodes are computed on demand, so a tile read once (the
 * verifier's) costs no more than before. Keyed by the bytes' buffer and offset, as readers hand out views of
 * the same cached tile; a longer view of the same tile (a partial tile that grew) starts a new pyramid.
 */
interface Pyramid {
  readonly width: number;
  /** levels[k]: the subtrees of height k, 32 bytes each, left to right; known[k][i] once hashed. */
  readonly levels: Uint8Array[];
  readonly known: Uint8Array[];
}
const PYRAMIDS = new WeakMap<ArrayBufferLike, Map<number, Pyramid>>();

function pyramidOf(hashes: Uint8Array): Pyramid {
  const width = Math.floor(hashes.length / HASH_SIZE);
  let byOffset = PYRAMIDS.get(hashes.buffer);
  if (!byOffset) {
    byOffset = new Map();
    PYRAMIDS.set(hashes.buffer, byOffset);
  }
  const known = byOffset.get(hashes.byteOffset);
  if (known && known.width >= width) {
    return known;
  }
  const pyramid: Pyramid = { width, levels: [hashes.subarray(0, width * HASH_SIZE)], known: [] };
  for (let k = 1; k < TILE_HEIGHT; k++) {
    const count = Math.floor(width / 2 ** k);
    pyramid.levels.push(new Uint8Array(count * HASH_SIZE));
    pyramid.known.push(new Uint8Array(count));
  }
  byOffset.set(hashes.byteOffset, pyramid);
  return pyramid;
}

/** The hash of the complete subtree of height `level` at position `index` within the tile. */
function nodeOf(pyramid: Pyramid, level: number, index: number): Uint8Array {
  const bytes = pyramid.levels[level] as Uint8Array;
  const at = index * HASH_SIZE;
  if (level > 0) {
    const known = pyramid.known[level - 1] as Uint8Array;
    if (known[index] === 0) {
      bytes.set(
        nodeHash(nodeOf(pyramid, level - 1, 2 * index), nodeOf(pyramid, level - 1, 2 * index + 1)),
        at,
      );
      known[index] = 1;
    }
  }
  return bytes.subarray(at, at + HASH_SIZE);
}

function subtree(hashes: Uint8Array, offset: number, sublevel: number): Uint8Array {
  // `offset` is a multiple of 2^sublevel (locate): the node's index at its level is offset >> sublevel.
  return nodeOf(pyramidOf(hashes), sublevel, offset >> sublevel);
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
