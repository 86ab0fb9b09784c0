// A bounded in-memory cache of C2SP tlog-tiles for proof generation, shaped by the tree: an inclusion or
// consistency proof reads one or two level-0 tiles (random across the log) and the few tiles above them
// (the same for every proof). So the upper tiles (levels ≥ 1: 1/256 of the level-0 count, 17 tiles for
// 1M entries) are pinned, and level-0 tiles live in a least-recently-used list.
//
// No invalidation is needed: a full tile never changes, and a partial tile only grows (tlog-tiles §Partial
// Tiles: a narrower tile is a prefix of the wider one), so a cached tile answers any request of its width
// or narrower, and a wider request replaces it.
import { HASH_SIZE } from './internal/sha256.ts';
import { TILE_WIDTH, type Tile } from './tile.ts';

export interface TileCacheLimits {
  /** Upper tiles kept for good (levels ≥ 1); past this many they share the LRU with level-0 tiles. */
  readonly maxPinnedTiles: number;
  /** Level-0 tiles (and overflowing upper tiles) kept in least-recently-used order. */
  readonly maxRecentTiles: number;
}

/** 1,024 pinned + 4,096 recent tiles of 8 KiB: at most 40 MiB of hashes (upper tiles of 268M entries). */
export const DEFAULT_TILE_CACHE_LIMITS: TileCacheLimits = { maxPinnedTiles: 1024, maxRecentTiles: 4096 };

/** The most hash bytes a cache with these limits holds (each tile at most 256 hashes of 32 bytes). */
export function tileCacheBudgetBytes(limits: TileCacheLimits): number {
  return (limits.maxPinnedTiles + limits.maxRecentTiles) * TILE_WIDTH * HASH_SIZE;
}

const keyOf = (tile: Pick<Tile, 'level' | 'index'>) => `${tile.level}/${tile.index}`;

export class TileCache {
  readonly limits: TileCacheLimits;
  readonly #pinned = new Map<string, Uint8Array>();
  /** Map iteration order is insertion order: the first key is the least recently used. */
  readonly #recent = new Map<string, Uint8Array>();
  #bytes = 0;

  constructor(limits: TileCacheLimits = DEFAULT_TILE_CACHE_LIMITS) {
    this.limits = limits;
  }

  /** The tile's hashes (exactly `width` of them) if a tile at least that wide is cached. */
  get(tile: Tile): Uint8Array | undefined {
    const key = keyOf(tile);
    let hashes = this.#pinned.get(key);
    if (!hashes) {
      hashes = this.#recent.get(key);
      if (hashes) {
        this.#recent.delete(key);
        this.#recent.set(key, hashes);
      }
    }
    return hashes && hashes.length >= tile.width * HASH_SIZE
      ? hashes.subarray(0, tile.width * HASH_SIZE)
      : undefined;
  }

  /** Keeps a copy of the tile's hashes (whole hashes, at most a full tile), unless a wider one is cached. */
  put(tile: Pick<Tile, 'level' | 'index'>, hashes: Uint8Array): void {
    if (hashes.length === 0 || hashes.length % HASH_SIZE !== 0 || hashes.length > TILE_WIDTH * HASH_SIZE) {
      return;
    }
    const key = keyOf(tile);
    const pinned = this.#pinned.get(key);
    const recent = this.#recent.get(key);
    const held = pinned ?? recent;
    if (held && held.length >= hashes.length) {
      return;
    }
    // A copy: the source may be a view into a larger buffer (a database row batch) that we must not retain.
    const copy = hashes.slice();
    this.#bytes += copy.length - (held?.length ?? 0);
    if (pinned || (tile.level > 0 && !recent && this.#pinned.size < this.limits.maxPinnedTiles)) {
      this.#pinned.set(key, copy);
      return;
    }
    this.#recent.delete(key);
    this.#recent.set(key, copy);
    while (this.#recent.size > this.limits.maxRecentTiles) {
      const oldest = this.#recent.keys().next().value as string;
      this.#bytes -= this.#recent.get(oldest)?.length ?? 0;
      this.#recent.delete(oldest);
    }
  }

  /** Hash bytes held now (never more than tileCacheBudgetBytes(limits)). */
  get bytes(): number {
    return this.#bytes;
  }

  get pinnedCount(): number {
    return this.#pinned.size;
  }

  get recentCount(): number {
    return this.#recent.size;
  }
}
