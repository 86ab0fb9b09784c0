import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TileCache, tileCacheBudgetBytes } from './tile-cache.ts';

/** `width` distinct 32-byte hashes, each byte the tile's level·16 + index, then the hash's position. */
function tileHashes(level: number, index: number, width: number): Uint8Array {
  const bytes = new Uint8Array(width * 32);
  for (let i = 0; i < width; i++) {
    bytes.fill((level * 16 + index + i) % 256, i * 32, i * 32 + 32);
  }
  return bytes;
}

test('a cached tile answers its width and narrower, a wider request misses until the wider tile is put', () => {
  const cache = new TileCache({ maxPinnedTiles: 4, maxRecentTiles: 4 });
  cache.put({ level: 0, index: 3 }, tileHashes(0, 3, 10));
  assert.deepEqual(cache.get({ level: 0, index: 3, width: 10 }), tileHashes(0, 3, 10));
  assert.deepEqual(cache.get({ level: 0, index: 3, width: 4 }), tileHashes(0, 3, 4));
  assert.equal(cache.get({ level: 0, index: 3, width: 11 }), undefined);
  cache.put({ level: 0, index: 3 }, tileHashes(0, 3, 256));
  assert.deepEqual(cache.get({ level: 0, index: 3, width: 11 }), tileHashes(0, 3, 11));
  // A narrower tile arriving later (an older reader) never replaces the wider one.
  cache.put({ level: 0, index: 3 }, tileHashes(0, 3, 5));
  assert.deepEqual(cache.get({ level: 0, index: 3, width: 256 }), tileHashes(0, 3, 256));
  assert.equal(cache.bytes, 256 * 32);
  assert.equal(cache.get({ level: 1, index: 3, width: 1 }), undefined);
});

test('level-0 tiles are evicted least recently used first; upper tiles stay pinned up to their limit', () => {
  const cache = new TileCache({ maxPinnedTiles: 2, maxRecentTiles: 3 });
  for (let index = 0; index < 3; index++) {
    cache.put({ level: 0, index }, tileHashes(0, index, 256));
  }
  assert.ok(cache.get({ level: 0, index: 0, width: 256 })); // 0 becomes the most recent
  cache.put({ level: 0, index: 3 }, tileHashes(0, 3, 256)); // evicts 1
  assert.equal(cache.get({ level: 0, index: 1, width: 1 }), undefined);
  assert.ok(cache.get({ level: 0, index: 0, width: 1 }));
  assert.ok(cache.get({ level: 0, index: 2, width: 1 }));
  cache.put({ level: 1, index: 0 }, tileHashes(1, 0, 17));
  cache.put({ level: 2, index: 0 }, tileHashes(2, 0, 1));
  cache.put({ level: 1, index: 1 }, tileHashes(1, 1, 3)); // past the pinned limit: joins the LRU
  assert.equal(cache.pinnedCount, 2);
  assert.equal(cache.recentCount, 3);
  for (let index = 10; index < 20; index++) {
    cache.put({ level: 0, index }, tileHashes(0, index, 256));
  }
  assert.deepEqual(cache.get({ level: 1, index: 0, width: 17 }), tileHashes(1, 0, 17));
  assert.deepEqual(cache.get({ level: 2, index: 0, width: 1 }), tileHashes(2, 0, 1));
  assert.equal(cache.get({ level: 1, index: 1, width: 1 }), undefined);
  // A pinned partial tile that grows is replaced in place.
  cache.put({ level: 1, index: 0 }, tileHashes(1, 0, 18));
  assert.deepEqual(cache.get({ level: 1, index: 0, width: 18 }), tileHashes(1, 0, 18));
  assert.equal(cache.bytes, (18 + 1 + 3 * 256) * 32);
});

test('memory stays within the budget, and cached bytes are copies, not views of the caller buffer', () => {
  const limits = { maxPinnedTiles: 3, maxRecentTiles: 5 };
  const cache = new TileCache(limits);
  for (let index = 0; index < 50; index++) {
    cache.put({ level: index % 3, index }, tileHashes(index % 3, index, 256));
    assert.ok(cache.bytes <= tileCacheBudgetBytes(limits));
  }
  assert.equal(cache.bytes, tileCacheBudgetBytes(limits));
  const source = tileHashes(0, 99, 256);
  cache.put({ level: 0, index: 99 }, source);
  source.fill(0);
  assert.deepEqual(cache.get({ level: 0, index: 99, width: 256 }), tileHashes(0, 99, 256));
  // Malformed data (not whole hashes, or wider than a tile) is not cached.
  cache.put({ level: 0, index: 100 }, new Uint8Array(33));
  cache.put({ level: 0, index: 101 }, new Uint8Array(257 * 32));
  assert.equal(cache.get({ level: 0, index: 100, width: 1 }), undefined);
  assert.equal(cache.get({ level: 0, index: 101, width: 1 }), undefined);
  assert.equal(tileCacheBudgetBytes({ maxPinnedTiles: 1024, maxRecentTiles: 4096 }), 40 * 2 ** 20);
});
