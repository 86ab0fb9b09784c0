// Proof generation reads the stored tiles (C2SP tlog-tiles) of the database, optionally overlaid with
// tiles written in the current transaction but not read back yet.
import type { DbExecutor } from '../../database.ts';
import { createTileHashReader, type HashReader, type Tile, type TileData } from '../../lib/tlog/index.ts';
import { readStoredTiles } from './audit-tree.repository.ts';

export function createTileReader(db: DbExecutor, overlay: readonly TileData[] = []) {
  const fresh = new Map(overlay.map((t) => [`${t.level}/${t.index}`, t.hashes]));
  return async (tiles: readonly Tile[]): Promise<Uint8Array[]> => {
    const missing = tiles.filter((t) => !fresh.has(`${t.level}/${t.index}`));
    const stored = await readStoredTiles(db, missing);
    const fromDb = new Map(missing.map((t, i) => [`${t.level}/${t.index}`, stored[i]]));
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
