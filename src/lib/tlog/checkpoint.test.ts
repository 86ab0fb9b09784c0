import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { isTlogError, type TlogErrorCode } from './errors.ts';
import { leafHash } from './hashes.ts';
import { createMemoryHashReader } from './internal/memory-hash-reader.ts';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from './note-key.ts';
import { proveInclusion } from './prove-inclusion.ts';
import { signNote } from './sign-note.ts';
import { formatTlogProof, parseTlogProof, verifyTlogProof } from './tlog-proof.ts';
import { rootOfLeafHashes } from './tree-builder.ts';

const code = (c: TlogErrorCode) => (e: unknown) => isTlogError(e, c);
const ORIGIN = 'xaso.test/log';

test('tlog-checkpoint: format and parse round-trip, with extension lines', () => {
  const rootHash = leafHash(Buffer.from('x'));
  const text = formatCheckpoint({ origin: ORIGIN, size: 12345, rootHash, extensions: ['time 1700000000'] });
  assert.equal(text, `${ORIGIN}\n12345\n${Buffer.from(rootHash).toString('base64')}\ntime 1700000000\n`);
  assert.deepEqual(parseCheckpoint(text), {
    origin: ORIGIN,
    size: 12345,
    rootHash,
    extensions: ['time 1700000000'],
  });
  const root = Buffer.from(rootHash).toString('base64');
  for (const bad of [
    `${ORIGIN}\n012\n${root}\n`,
    `${ORIGIN}\n-1\n${root}\n`,
    `${ORIGIN}\n12\n${root.slice(4)}\n`,
    `${ORIGIN}\n12\n${root}`,
    `\n12\n${root}\n`,
    `${ORIGIN}\n12\n${root}\n\nx\n`,
    `${ORIGIN}\n12\n`,
  ]) {
    assert.throws(() => parseCheckpoint(bad), code('MALFORMED_CHECKPOINT'), JSON.stringify(bad));
  }
});

test('tlog-proof: an entry proven offline with the verifier key alone; every tampering is caught', async () => {
  const key = generateNoteKey(ORIGIN);
  const entries = Array.from({ length: 21 }, (_, i) => Buffer.from(`{"seq":${i}}`));
  const leaves = entries.map((e) => leafHash(e));
  const size = entries.length;
  const checkpoint = signNote(
    formatCheckpoint({ origin: ORIGIN, size, rootHash: rootOfLeafHashes(leaves), extensions: [] }),
    [parseSignerKey(key.signerKey)],
  );
  const verifiers = [parseVerifierKey(key.verifierKey)];
  const index = 13;
  const proof = await proveInclusion(index, size, createMemoryHashReader(leaves));
  const file = formatTlogProof({ index, proof, checkpoint, extra: Buffer.from('dossier 42') });
  assert.ok(file.startsWith('c2sp.org/tlog-proof@v1\nextra ZG9zc2llciA0Mg==\nindex 13\n'));
  assert.deepEqual(parseTlogProof(file).proof, proof);
  const verified = verifyTlogProof({
    proof: file,
    entry: entries[index] as Buffer,
    origin: ORIGIN,
    verifiers,
  });
  assert.equal(verified.checkpoint.size, size);
  assert.equal(Buffer.from(verified.extra ?? []).toString(), 'dossier 42');

  const check = (proofText: string, entry: Uint8Array = entries[index] as Buffer, origin = ORIGIN) =>
    verifyTlogProof({ proof: proofText, entry, origin, verifiers });
  assert.throws(() => check(file, entries[12]), code('INVALID_PROOF'));
  assert.throws(() => check(file.replace('index 13', 'index 12')), code('INVALID_PROOF'));
  assert.throws(() => check(file, undefined, 'other.test/log'), code('MALFORMED_CHECKPOINT'));
  assert.throws(() => check(file.replace(`\n${size}\n`, `\n${size + 1}\n`)), code('INVALID_SIGNATURE'));
  assert.throws(
    () =>
      verifyTlogProof({
        proof: file,
        entry: entries[index] as Buffer,
        origin: ORIGIN,
        verifiers: [parseVerifierKey(generateNoteKey(ORIGIN).verifierKey)],
      }),
    code('UNVERIFIED_NOTE'),
  );
  for (const bad of [
    file.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
    file.replace('index 13', 'index 013'),
    file.replace('index 13', 'idx 13'),
    file.replace('\n\n', '\n'),
  ]) {
    assert.throws(
      () => check(bad),
      (e: unknown) => isTlogError(e),
      JSON.stringify(bad.slice(0, 60)),
    );
  }
  const lines = file.split('\n');
  lines[3] = `${(lines[3] as string).slice(0, -2)}A=`;
  assert.throws(
    () => check(lines.join('\n')),
    (e: unknown) => isTlogError(e, 'INVALID_PROOF') || isTlogError(e, 'MALFORMED_TLOG_PROOF'),
  );
});
