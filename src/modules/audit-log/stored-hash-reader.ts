// Proof generation reads the stored tiles (C2SP tlog-tiles) of the database, optionally overlaid with
// tiles written in the current transaction but not read back yet.
import type { DbExecutor } from '../../database.ts';
import {
  createTileHashReader,
  type HashReader,
  TILE_WIDTH,
  type Tile,
  type TileData,
} from '../../lib/tlog/index.ts';
import { readStoredTiles } from './audit-tree.repository.ts';

/**
 * Full tiles never change (tlog-tiles: immutable), so the most recently read ones are kept in memory for
 * proofs; partial tiles are always read. A tampered database is caught by the verifier, which reads afresh.
 */
const FULL_TILE_CACHES = new WeakMap<DbExecutor, Map<string, Uint8Array>>();
const FULL_TILE_CACHE_SIZE = 2048; // 16 MiB per database

function cacheOf(db: DbExecutor): Map<string, Uint8Array> {
  let cache = FULL_TILE_CACHES.get(db);
  if (!cache) {
    cache = new Map();
    FULL_TILE_CACHES.set(db, cache);
  }
  return cache;
}

function remember(cache: Map<string, Uint8Array>, key: string, hashes: Uint8Array | undefined): void {
  if (hashes?.length !== TILE_WIDTH * 32) {
    return;
  }
  cache.set(key, hashes);
  if (cache.size > FULL_TILE_CACHE_SIZE) {
    cache.delete(cache.keys().next().value as string);
  }
}

export function createTileReader(db: DbExecutor, overlay: readonly TileData[] = [], useCache = false) {
  const fresh = new Map(overlay.map((t) => [`${t.level}/${t.index}`, t.hashes]));
  const cache = useCache ? cacheOf(db) : undefined;
  return async (tiles: readonly Tile[]): Promise<Uint8Array[]> => {
    if (cache) {
      for (const t of tiles) {
        const cached = cache.get(`${t.level}/${t.index}`);
        if (cached) {
          fresh.set(`${t.level}/${t.index}`, cached);
        }
      }
    }
    const missing = tiles.filter((t) => !fresh.has(`${t.level}/${t.index}`));
    const stored = await readStoredTiles(db, missing);
    const fromDb = new Map(missing.map((t, i) => [`${t.level}/${t.index}`, stored[i]]));
    if (cache) {
      for (const [key, hashes] of fromDb) {
        remember(cache, key, hashes);
      }
    }
    return tiles.map((t) => {
      const key = `${t.level}/${t.index}`;
      return (fresh.get(key) ?? fromDb.get(key) ?? new Uint8Array(0)).subarray(0, t.width * 32);
    });
  };
}

export function createStoredHashReader(
  db: DbExecutor,
  size: number,
  overlay: readonly TileData[] = [],
): HashReader {
  return createTileHashReader(size, createTileReader(db, overlay));
}

/** For serving proofs: full tiles come from the in-memory cache when there. */
export function createCachedHashReader(db: DbExecutor, size: number): HashReader {
  return createTileHashReader(size, createTileReader(db, [], true));
}
