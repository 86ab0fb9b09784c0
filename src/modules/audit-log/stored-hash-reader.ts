// Proof generation reads the stored tiles (C2SP tlog-tiles) of the database, optionally overlaid with
// tiles written in the current transaction but not read back yet.
import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import {
  createTileHashReader,
  type HashReader,
  type Tile,
  TileCache,
  type TileData,
} from '../../lib/tlog/index.ts';
import { readStoredTiles, readTreeSize } from './audit-tree.repository.ts';

/**
 * Per database handle, for serving proofs (never inside a transaction: only committed tiles are cached).
 * The tiles are immutable (a partial tile only grows), so nothing is ever invalidated; a tampered database
 * is caught by the verifier, which reads afresh. Memory: at most 40 MiB of hashes (tile-cache.ts), and
 * about as much again for the inner nodes tile-hash-reader.ts memoises while a cached tile lives.
 */
interface ProofCache {
  readonly tiles: TileCache;
  /** The integrated size last read: the tree only grows, so any size up to it exists. */
  knownSize: number;
  /** The upper tiles (levels ≥ 1) were loaded in one query when the cache was first used. */
  isPreloaded: boolean;
}

const PROOF_CACHES = new WeakMap<DbExecutor, ProofCache>();

function proofCacheOf(db: DbExecutor): ProofCache {
  let cache = PROOF_CACHES.get(db);
  if (!cache) {
    cache = { tiles: new TileCache(), knownSize: 0, isPreloaded: false };
    PROOF_CACHES.set(db, cache);
  }
  return cache;
}

/** Forgets the cached tiles of this database handle (benchmarks measure cold proofs with it). */
export function clearProofCache(db: DbExecutor): void {
  PROOF_CACHES.delete(db);
}

/** Pins the upper tiles: every proof walks through them. One query, at most `maxPinnedTiles` rows. */
async function preloadUpperTiles(db: DbExecutor, cache: ProofCache): Promise<void> {
  cache.isPreloaded = true;
  const result = await sql<{ level: number; idx: number; hashes: Uint8Array }>`
    select level, idx, hashes from audit_tiles where level >= 1
    order by level desc, idx desc limit ${cache.tiles.limits.maxPinnedTiles}`.execute(db);
  for (const row of result.rows) {
    cache.tiles.put({ level: Number(row.level), index: Number(row.idx) }, row.hashes);
  }
}

/**
 * The integrated size, or at least `atLeast` without asking the database when a size that large was
 * already seen (proofs for a given checkpoint then cost no query for it).
 */
export async function readIntegratedSize(db: DbExecutor, atLeast?: number): Promise<number> {
  const cache = proofCacheOf(db);
  if (atLeast !== undefined && atLeast <= cache.knownSize) {
    return cache.knownSize;
  }
  cache.knownSize = Math.max(cache.knownSize, await readTreeSize(db));
  return cache.knownSize;
}

export function createTileReader(db: DbExecutor, overlay: readonly TileData[] = [], cache?: TileCache) {
  const fresh = new Map(overlay.map((t) => [`${t.level}/${t.index}`, t.hashes]));
  return async (tiles: readonly Tile[]): Promise<Uint8Array[]> => {
    const found = new Map<string, Uint8Array>();
    for (const t of tiles) {
      const key = `${t.level}/${t.index}`;
      const hashes = fresh.get(key) ?? cache?.get(t);
      if (hashes) {
        found.set(key, hashes);
      }
    }
    const missing = tiles.filter((t) => !found.has(`${t.level}/${t.index}`));
    const stored = await readStoredTiles(db, missing);
    missing.forEach((t, i) => {
      const hashes = stored[i];
      if (hashes) {
        found.set(`${t.level}/${t.index}`, hashes);
        cache?.put(t, hashes);
      }
    });
    return tiles.map((t) =>
      (found.get(`${t.level}/${t.index}`) ?? new Uint8Array(0)).subarray(0, t.width * 32),
    );
  };
}

export function createStoredHashReader(
  db: DbExecutor,
  size: number,
  overlay: readonly TileData[] = [],
): HashReader {
  return createTileHashReader(size, createTileReader(db, overlay));
}

/** For serving proofs: tiles come from the per-database cache when there (upper tiles pinned on first use). */
export async function createCachedHashReader(db: DbExecutor, size: number): Promise<HashReader> {
  const cache = proofCacheOf(db);
  if (!cache.isPreloaded) {
    await preloadUpperTiles(db, cache);
  }
  return createTileHashReader(size, createTileReader(db, [], cache.tiles));
}
