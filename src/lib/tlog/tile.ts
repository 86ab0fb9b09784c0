// C2SP tlog-tiles: the Merkle tree is stored and served as tiles of height 8, 256 hashes (8 KiB) each.
// At level 0 a tile holds leaf hashes; at level L ≥ 1 each hash is the root of a full tile at level L − 1,
// i.e. MTH(D[(n·256 + i)·256^L : (n·256 + i + 1)·256^L]) (tlog-tiles §Merkle Tree).

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A tile at `level` (0-63), index `index` in that level, holding `width` hashes (256 = full). */
export interface Tile {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** A tile and its hashes (width × 32 bytes). */
export interface TileData extends Tile {
  readonly hashes: Uint8Array;
}

/** 256^level as an exact number (levels used by real logs keep this below 2^53). */
export function tileSpan(level: number): number {
  return TILE_WIDTH ** level;
}
