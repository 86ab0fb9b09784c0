// C2SP tlog-tiles: serves `tile/<L>/<N>[.p/<W>]` for the integrated tree. Only hashes are public; entry
// bundles (`tile/entries/…`) are not served, since entry bodies stay behind authorisation (issue 4 §4).
import type { DbExecutor } from '../../database.ts';
import { parseTilePath, TILE_WIDTH, tileInTree } from '../../lib/tlog/index.ts';
import { AppError } from '../../platform/errors.ts';
import { readStoredTiles, readTreeSize } from './audit-tree.repository.ts';
import { toAppError } from './tlog-errors.ts';

export async function getLogTile(options: { db: DbExecutor; path: string }): Promise<Uint8Array> {
  let tile: ReturnType<typeof parseTilePath>;
  try {
    tile = parseTilePath(options.path);
  } catch (error) {
    throw toAppError(error);
  }
  const size = await readTreeSize(options.db);
  const current = tileInTree(tile.level, tile.index, size);
  // A full tile exists once it is full; a partial one while the tile holds at least that many hashes.
  const exists =
    current && (tile.width === TILE_WIDTH ? current.width === TILE_WIDTH : current.width >= tile.width);
  const [stored] = exists ? await readStoredTiles(options.db, [tile]) : [];
  if (!stored || stored.length < tile.width * 32) {
    throw new AppError('NOT_FOUND', `No tile ${options.path}.`);
  }
  return stored.subarray(0, tile.width * 32);
}
