import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { appendTiles } from './append-tiles.ts';
import { isTlogError } from './errors.ts';
import { leafHash } from './hashes.ts';
import { createMemoryHashReader } from './internal/memory-hash-reader.ts';
import { proveConsistency } from './prove-consistency.ts';
import { proveInclusion } from './prove-inclusion.ts';
import type { Tile } from './tile.ts';
import { createTileHashReader } from './tile-hash-reader.ts';
import { formatTilePath, parseTilePath } from './tile-path.ts';
import { tilesForSize } from './tiles-for-size.ts';
import { TreeBuilder } from './tree-builder.ts';
import { treeHash } from './tree-hash.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/tlog/known-answers.json', import.meta.url), 'utf8'),
);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

test('tile paths: the spec examples format and parse; every non-canonical form is refused', () => {
  for (const v of vectors.tilePaths.valid as {
    path: string;
    level: number;
    index: number;
    width: number;
  }[]) {
    assert.deepEqual(parseTilePath(v.path), { level: v.level, index: v.index, width: v.width }, v.path);
    assert.equal(formatTilePath(v), v.path);
  }
  for (const path of vectors.tilePaths.invalid as string[]) {
    assert.throws(
      () => parseTilePath(path),
      (e: unknown) => isTlogError(e, 'MALFORMED_TILE'),
      path,
    );
  }
  for (const index of [0, 1, 999, 1000, 123456, 1234567890]) {
    const tile = { level: 2, index, width: 9 };
    assert.deepEqual(parseTilePath(formatTilePath(tile)), tile);
  }
});

test('a tree of 70,000 entries is 273 full level-0 tiles, 273.p/112, 1/000, 1/001.p/17 and 2/000.p/1', () => {
  const tiles = tilesForSize(70_000);
  const level0Full = tiles.filter((t) => t.level === 0 && t.width === 256);
  assert.equal(level0Full.length, vectors.tiles70000.fullLevel0);
  assert.deepEqual(tiles.slice(level0Full.length - 1).map(formatTilePath), vectors.tiles70000.paths);
  // A tree of 256 is a full level-0 tile and a level-1 tile of width 1 (tlog-tiles §Partial Tiles).
  assert.deepEqual(tilesForSize(256).map(formatTilePath), ['tile/0/000', 'tile/1/000.p/1']);
  assert.deepEqual(tilesForSize(0), []);
});

/** A tile store in memory, grown by appendTiles in batches like the integrator does. */
function tileStore() {
  const tiles = new Map<string, Uint8Array>();
  const readTiles = async (wanted: readonly Tile[]) =>
    wanted.map((t) => {
      const data = tiles.get(`${t.level}/${t.index}`);
      if (!data || data.length < t.width * 32) {
        throw new Error(`missing ${formatTilePath(t)}`);
      }
      return data.subarray(0, t.width * 32);
    });
  return { tiles, readTiles };
}

test('tiles appended in random batches give the roots and proofs of the tree built leaf by leaf', async () => {
  const store = tileStore();
  const builder = new TreeBuilder();
  const leaves: Uint8Array[] = [];
  const roots: Uint8Array[] = [builder.root()];
  let size = 0;
  while (size < 70_000) {
    const count = size < 2000 ? randomInt(1, 40) : randomInt(1, 5000);
    const batch = Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`entry ${size + i}`)));
    const changed = await appendTiles({ size, leafHashes: batch, readTiles: store.readTiles });
    for (const tile of changed) {
      assert.equal(tile.hashes.length, tile.width * 32);
      store.tiles.set(`${tile.level}/${tile.index}`, tile.hashes);
    }
    for (const hash of batch) {
      builder.appendLeafHash(hash);
      leaves.push(hash);
    }
    size += count;
    const fromTiles = await treeHash(size, createTileHashReader(size, store.readTiles));
    assert.equal(b64(fromTiles), b64(builder.root()), `root at ${size}`);
    roots.push(fromTiles);
  }
  // The stored tiles are exactly those of the final size.
  assert.deepEqual(
    [...store.tiles.keys()].sort(),
    tilesForSize(size)
      .map((t) => `${t.level}/${t.index}`)
      .sort(),
  );
  const memory = createMemoryHashReader(leaves);
  const tiled = createTileHashReader(size, store.readTiles);
  for (const index of [0, 1, 255, 256, 65535, 65536, 69_999, randomInt(0, size)]) {
    assert.deepEqual(
      (await proveInclusion(index, size, tiled)).map(b64),
      (await proveInclusion(index, size, memory)).map(b64),
    );
  }
  for (const old of [1, 255, 256, 257, 65536, randomInt(1, size)]) {
    assert.deepEqual(
      (await proveConsistency(old, size, tiled)).map(b64),
      (await proveConsistency(old, size, memory)).map(b64),
    );
  }
  // A reader for a larger tree than the tiles hold reports the missing hash.
  await assert.rejects(
    proveInclusion(0, size + 300, createTileHashReader(size + 300, store.readTiles)),
    /missing/,
  );
});
