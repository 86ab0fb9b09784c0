// Cross-check against an independent implementation: Go's golang.org/x/mod/sumdb/tlog and note
// (Debian: apt-get install golang-go golang-golang-x-mod-dev), run offline in GOPATH mode.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../../../test/helpers/test-env.ts';
import { appendTiles } from './append-tiles.ts';
import { formatCheckpoint } from './checkpoint.ts';
import { leafHash } from './hashes.ts';
import { generateNoteKey, parseSignerKey } from './note-key.ts';
import { proveConsistency } from './prove-consistency.ts';
import { proveInclusion } from './prove-inclusion.ts';
import { signNote } from './sign-note.ts';
import type { Tile } from './tile.ts';
import { createTileHashReader } from './tile-hash-reader.ts';
import { treeHash } from './tree-hash.ts';

const GOPATH_SYSTEM = '/usr/share/gocode';
const oracle = fileURLToPath(new URL('../../../test/fixtures/tlog/oracle/main.go', import.meta.url));

test('Go sumdb/tlog and note accept xaso tile-based proofs, roots and signed checkpoints', async (t) => {
  const hasGo = spawnSync('go', ['version'], { env: childEnv() }).status === 0;
  if (!hasGo || !existsSync(join(GOPATH_SYSTEM, 'src/golang.org/x/mod/sumdb/tlog'))) {
    t.skip('go or x/mod missing: apt-get install golang-go golang-golang-x-mod-dev');
    return;
  }
  const entries = Array.from({ length: 1500 }, (_, i) => randomBytes(randomInt(0, 200 + (i % 7))));
  const tiles = new Map<string, Uint8Array>();
  const readTiles = async (wanted: readonly Tile[]) =>
    wanted.map((w) => (tiles.get(`${w.level}/${w.index}`) as Uint8Array).subarray(0, w.width * 32));
  for (let size = 0; size < entries.length; ) {
    const batch = entries.slice(size, size + randomInt(1, 300)).map((e) => leafHash(e));
    for (const tile of await appendTiles({ size, leafHashes: batch, readTiles })) {
      tiles.set(`${tile.level}/${tile.index}`, tile.hashes);
    }
    size += batch.length;
  }
  const size = entries.length;
  const reader = createTileHashReader(size, readTiles);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const inclusion = [];
  const consistency = [];
  for (let i = 0; i < 60; i++) {
    const proofSize = randomInt(1, size + 1);
    const index = randomInt(0, proofSize);
    inclusion.push({
      index,
      size: proofSize,
      proof: (await proveInclusion(index, proofSize, createTileHashReader(proofSize, readTiles))).map(b64),
    });
    const oldSize = randomInt(1, size + 1);
    consistency.push({
      oldSize,
      newSize: size,
      proof: (await proveConsistency(oldSize, size, reader)).map(b64),
    });
  }
  const key = generateNoteKey('xaso.test/log');
  const root = await treeHash(size, reader);
  const note = signNote(formatCheckpoint({ origin: 'xaso.test/log', size, rootHash: root, extensions: [] }), [
    parseSignerKey(key.signerKey),
  ]);
  const gopath = mkdtempSync(join(tmpdir(), 'xaso-go-'));
  const run = spawnSync('go', ['run', oracle], {
    input: JSON.stringify({
      entries: entries.map(b64),
      inclusion,
      consistency,
      verifierKey: key.verifierKey,
      note,
    }),
    env: childEnv({
      GO111MODULE: 'off',
      GOPATH: `${gopath}:${GOPATH_SYSTEM}`,
      GOCACHE: join(gopath, 'cache'),
    }),
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.root, b64(root));
  assert.equal(result.checkedInclusion, 60);
  assert.equal(result.checkedConsistency, 60);
  assert.equal(result.text, `${note.split('\n\n')[0]}\n`);
});
