import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendTestEvents, testLogSigner } from '../../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import {
  leafHash,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  proveConsistency,
  proveInclusion,
  rootOfLeafHashes,
  tilesForSize,
  verifyConsistency,
  verifyInclusion,
} from '../../lib/tlog/index.ts';
import { listCheckpoints, readEntries } from './audit-tree.repository.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { createStoredHashReader } from './stored-hash-reader.ts';

test('integration in batches: signed checkpoints over the tiles, each consistent with every earlier one', async () => {
  const { db } = await createTestDatabase();
  const signer = testLogSigner();
  const verifier = parseVerifierKey(signer.verifierKey);
  assert.deepEqual(await integrateAuditLog({ db, signer }), { size: 0, checkpoints: 0 });
  await appendTestEvents(db, 300);
  const first = await integrateAuditLog({ db, signer, batchSize: 70 });
  assert.deepEqual(first, { size: 300, checkpoints: 5 });
  await appendTestEvents(db, 20);
  assert.deepEqual(await integrateAuditLog({ db, signer }), { size: 320, checkpoints: 1 });
  assert.deepEqual(await integrateAuditLog({ db, signer }), { size: 320, checkpoints: 0 });

  const entries = await readEntries(db, 0, 1000);
  const leaves = entries.map((e) => leafHash(new TextEncoder().encode(e.entry)));
  const checkpoints = await listCheckpoints(db);
  assert.deepEqual(
    checkpoints.map((c) => c.size),
    [70, 140, 210, 280, 300, 320],
  );
  const reader = createStoredHashReader(db, 320);
  for (const row of checkpoints) {
    const checkpoint = parseCheckpoint(openNote(row.note, [verifier]).text);
    assert.equal(checkpoint.origin, 'xaso.test/log');
    assert.equal(checkpoint.size, row.size);
    assert.deepEqual(checkpoint.rootHash, rootOfLeafHashes(leaves.slice(0, row.size)));
    for (const later of checkpoints.filter((c) => c.size > row.size)) {
      verifyConsistency({
        oldSize: row.size,
        newSize: later.size,
        oldRootHash: row.root_hash,
        newRootHash: later.root_hash,
        proof: await proveConsistency(row.size, later.size, reader),
      });
    }
  }
  const stored = await db.selectFrom('audit_tiles').select(['level', 'idx', 'hashes']).execute();
  assert.deepEqual(
    stored.map((t) => `${t.level}/${t.idx}/${t.hashes.length / 32}`).sort(),
    tilesForSize(320)
      .map((t) => `${t.level}/${t.index}/${t.width}`)
      .sort(),
  );
  for (const index of [0, 255, 256, 319]) {
    verifyInclusion({
      index,
      size: 320,
      leafHash: leaves[index] as Uint8Array,
      proof: await proveInclusion(index, 320, reader),
      rootHash: checkpoints.at(-1)?.root_hash as Uint8Array,
    });
  }
});
