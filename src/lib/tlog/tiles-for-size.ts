// C2SP tlog-tiles §Partial Tiles: the tiles that represent a tree of a given size. The partial tile at
// level l has floor(s / 256^l) mod 256 hashes; empty tiles do not exist.
import { assertSize } from './internal/ranges.ts';
import { TILE_WIDTH, type Tile, tileSpan } from './tile.ts';

export function tilesForSize(size: number): Tile[] {
  assertSize('size', size);
  const tiles: Tile[] = [];
  for (let level = 0; Math.floor(size / tileSpan(level)) > 0; level++) {
    const hashes = Math.floor(size / tileSpan(level));
    const full = Math.floor(hashes / TILE_WIDTH);
    for (let index = 0; index < full; index++) {
      tiles.push({ level, index, width: TILE_WIDTH });
    }
    if (hashes % TILE_WIDTH > 0) {
      tiles.push({ level, index: full, width: hashes % TILE_WIDTH });
    }
  }
  return tiles;
}

/** The tile at (level, index) as it stands in a tree of this size, or undefined if it is still empty. */
export function tileInTree(level: number, index: number, size: number): Tile | undefined {
  const hashes = Math.floor(size / tileSpan(level));
  const width = Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH);
  return width > 0 ? { level, index, width } : undefined;
}
