import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCheckpoint } from './checkpoint.ts';
import { cosignCheckpoint, generateCosignerKey, parseCosignerVerifierKey } from './cosignature.ts';
import { isTlogError } from './errors.ts';
import { leafHash } from './hashes.ts';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from './note-key.ts';
import { openNote } from './open-note.ts';
import { signNote } from './sign-note.ts';
import { formatAddCheckpoint, parseAddCheckpoint, parseWitnessSize } from './witness.ts';

const text = formatCheckpoint({
  origin: 'xaso.test/log',
  size: 9,
  rootHash: leafHash(Buffer.from('r')),
  extensions: [],
});

test('tlog-cosignature: a timestamped Ed25519 cosignature (type 0x04) verifies over the checkpoint text', () => {
  const log = generateNoteKey('xaso.test/log');
  const witness = generateCosignerKey('witness.test/w1');
  const note = signNote(text, [parseSignerKey(log.signerKey)]);
  const line = cosignCheckpoint(witness.signerKey, text, 1_700_000_000n);
  const verifier = parseCosignerVerifierKey(witness.verifierKey);
  const opened = openNote(note + line, [parseVerifierKey(log.verifierKey), verifier]);
  assert.deepEqual(
    opened.verified.map((s) => s.name),
    ['xaso.test/log', 'witness.test/w1'],
  );
  assert.equal(verifier.timestampOf(opened.verified[1]?.signature as Uint8Array), 1_700_000_000n);
  // Over another checkpoint, the cosignature fails and rejects the note.
  const other = text.replace('\n9\n', '\n10\n');
  assert.throws(
    () => openNote(signNote(other, [parseSignerKey(log.signerKey)]) + line, [verifier]),
    (e: unknown) => isTlogError(e, 'INVALID_SIGNATURE'),
  );
  // An Ed25519 note key (type 0x01) is not a cosigner key and vice versa.
  assert.throws(
    () => parseCosignerVerifierKey(log.verifierKey),
    (e: unknown) => isTlogError(e, 'MALFORMED_KEY'),
  );
  assert.throws(
    () => parseVerifierKey(witness.verifierKey),
    (e: unknown) => isTlogError(e, 'MALFORMED_KEY'),
  );
});

test('tlog-witness: add-checkpoint bodies format and parse; malformed ones are refused', () => {
  const proof = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))];
  const body = formatAddCheckpoint({ oldSize: 5, proof, checkpoint: `${text}\n— x AAAAAAA=\n` });
  assert.ok(body.startsWith('old 5\n'));
  assert.deepEqual(parseAddCheckpoint(body), { oldSize: 5, proof, checkpoint: `${text}\n— x AAAAAAA=\n` });
  assert.equal(
    parseAddCheckpoint(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: 'c\n' })).oldSize,
    0,
  );
  for (const bad of ['old 05\n\nc', 'old x\n\nc', 'new 5\n\nc', 'old 5\nnot-a-hash\n\nc', 'old 5\n']) {
    assert.throws(
      () => parseAddCheckpoint(bad),
      (e: unknown) => isTlogError(e, 'MALFORMED_WITNESS_MESSAGE'),
      bad,
    );
  }
  assert.equal(parseWitnessSize('42\n'), 42);
  assert.throws(
    () => parseWitnessSize('42'),
    (e: unknown) => isTlogError(e, 'MALFORMED_WITNESS_MESSAGE'),
  );
});
