// Proofs served through the tile cache equal proofs computed from the leaves with no cache, while the log
// grows across partial-tile boundaries (cached partial tiles must be replaced by wider ones, never reused
// past their width).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bulkInsertEvents, testLogSigner } from '../../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { leafHashOfText, proveConsistency, proveInclusion } from '../../lib/tlog/index.ts';
import { createMemoryHashReader } from '../../lib/tlog/internal/memory-hash-reader.ts';
import { readEntries } from './audit-tree.repository.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { proveAuditConsistency } from './prove-audit-consistency.ts';
import { proveAuditInclusion } from './prove-audit-inclusion.ts';
import { clearProofCache } from './stored-hash-reader.ts';

/** Buffers (PostgreSQL) and Uint8Arrays (PGlite, hashing) compare by their bytes. */
const hex = (hashes: readonly Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('hex'));

test('cached proofs equal uncached ones at every size across tile boundaries', async () => {
  const { db } = await createTestDatabase();
  const signer = testLogSigner();
  const leaves: Uint8Array[] = [];
  // 65,536 + 300 entries: level-0 tiles full and partial, level-1 full and partial, a level-2 tile.
  const sizes = [1, 2, 255, 256, 257, 511, 512, 600, 65_536, 65_836];
  const earlier: number[] = [];
  for (const size of sizes) {
    await bulkInsertEvents(db, size - leaves.length);
    await integrateAuditLog({ db, signer, batchSize: 70_000 });
    for (const row of await readEntries(db, leaves.length, size)) {
      leaves.push(leafHashOfText(row.entry));
    }
    const oracle = createMemoryHashReader(leaves);
    const indexes = [0, 1, 254, 255, 256, 257, 510, 511, 512, 599, 65_535, 65_536, size - 1];
    for (const index of new Set(indexes.filter((i) => i < size))) {
      for (const treeSize of [size, ...earlier.filter((s) => s > index)]) {
        const cached = await proveAuditInclusion({ db, index, size: treeSize });
        assert.deepEqual(
          hex(cached.proof),
          hex(await proveInclusion(index, treeSize, oracle)),
          `inclusion of ${index} in ${treeSize}`,
        );
      }
    }
    for (const from of earlier) {
      const cached = await proveAuditConsistency({ db, from, to: size });
      assert.deepEqual(
        cached.proof,
        await proveConsistency(from, size, oracle),
        `consistency ${from}→${size}`,
      );
    }
    // Past the integrated size is refused, cache or not.
    await assert.rejects(proveAuditInclusion({ db, index: 0, size: size + 1 }), { code: 'NOT_FOUND' });
    earlier.push(size);
  }
  // A cold cache gives the same answers as the warm one.
  const warm = await proveAuditInclusion({ db, index: 300, size: 600 });
  clearProofCache(db);
  assert.deepEqual(hex((await proveAuditInclusion({ db, index: 300, size: 600 })).proof), hex(warm.proof));
});
