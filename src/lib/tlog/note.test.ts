import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isTlogError, type TlogErrorCode } from './errors.ts';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from './note-key.ts';
import { openNote, parseNote } from './open-note.ts';
import { signNote } from './sign-note.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/tlog/known-answers.json', import.meta.url), 'utf8'),
);
const { verifierKey, signerKey, text, note } = vectors.signedNote;
const code = (c: TlogErrorCode) => (e: unknown) => isTlogError(e, c);

test('signed-note: the published example signs to the same bytes and opens with its verifier key', () => {
  const signer = parseSignerKey(signerKey);
  assert.equal(signer.verifierKey, verifierKey);
  assert.equal(signer.keyId, 0xc74f20a3);
  assert.equal(signNote(text, [signer]), note); // Ed25519 is deterministic (RFC 8032 §5.1.6)
  const opened = openNote(note, [parseVerifierKey(verifierKey)]);
  assert.equal(opened.text, text);
  assert.equal(opened.verified.length, 1);
});

test('signed-note: the specification example parses (text up to the last blank line); its key is unknown', () => {
  const spec = vectors.signedNoteSpecExample;
  const parsed = parseNote(spec.note);
  assert.equal(parsed.text, spec.text);
  assert.equal(parsed.signatures[0]?.name, spec.keyName);
  assert.throws(() => openNote(spec.note, [parseVerifierKey(verifierKey)]), code('UNVERIFIED_NOTE'));
});

test('signed-note: unknown keys are ignored, a bad signature by a known key rejects the note', () => {
  const log = generateNoteKey('xaso.test/log');
  const other = generateNoteKey('witness.test/w1');
  const signed = signNote(text, [parseSignerKey(log.signerKey), parseSignerKey(other.signerKey)]);
  const opened = openNote(signed, [parseVerifierKey(log.verifierKey)]);
  assert.deepEqual(
    opened.unverified.map((s) => s.name),
    ['witness.test/w1'],
  );
  // Same name as a known key, different key: another key (name+id identify it), so ignored.
  const impostor = generateNoteKey('xaso.test/log');
  const withImpostor = signNote(text, [parseSignerKey(impostor.signerKey), parseSignerKey(log.signerKey)]);
  assert.equal(openNote(withImpostor, [parseVerifierKey(log.verifierKey)]).verified.length, 1);
  // A known key whose signature does not verify rejects the whole note, even next to a good one.
  const tampered = signed.replace('problem is.', 'problem was');
  assert.throws(() => openNote(tampered, [parseVerifierKey(log.verifierKey)]), code('INVALID_SIGNATURE'));
  const { text: body, signatures } = parseNote(signed);
  const flipped = signatures.map((s) => {
    const bytes = Buffer.alloc(4 + s.signature.length);
    bytes.writeUInt32BE(s.keyId);
    bytes.set(s.signature, 4);
    bytes[10] = (bytes[10] as number) ^ 1;
    return `\u2014 ${s.name} ${bytes.toString('base64')}\n`;
  });
  const goodThenBad = `${body}\n${flipped[1]}${signNote(body, [parseSignerKey(log.signerKey)])
    .split('\n\n')
    .at(-1)}${flipped[0]}`;
  assert.throws(() => openNote(goodThenBad, [parseVerifierKey(log.verifierKey)]), code('INVALID_SIGNATURE'));
  // The same bad signature from a key we do not know is ignored.
  assert.equal(
    openNote(
      `${body}\n${flipped[1]}${signNote(body, [parseSignerKey(log.signerKey)])
        .split('\n\n')
        .at(-1)}`,
      [parseVerifierKey(log.verifierKey)],
    ).unverified.length,
    1,
  );
  assert.throws(() => openNote(signed, []), code('UNVERIFIED_NOTE'));
});

test('signed-note: malformed notes and keys are refused', () => {
  const good = note as string;
  for (const bad of [
    good.replace('\n\n', '\n'), // no blank line
    good.slice(0, -1), // no final newline
    good.replace('— ', '-- '),
    good.replace('PeterNeumann x08', 'PeterNeumann  x08'),
    good.replace('x08go', 'x08g!'),
    good.replace('If you', 'If\u0007you'),
    `${good.split('\n\n')[0]}\n\n— PeterNeumann AAAA\n`, // signature shorter than a key id + 1 byte
  ]) {
    assert.throws(
      () => openNote(bad, [parseVerifierKey(verifierKey)]),
      code('MALFORMED_NOTE'),
      JSON.stringify(bad),
    );
  }
  assert.throws(() => openNote(Buffer.from([0xff, 0x0a, 0x0a]), []), code('MALFORMED_NOTE'));
  for (const bad of [
    'PeterNeumann+c74f20a3', // no key
    'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // wrong key id
    'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==', // wrong length
    'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // unknown algorithm
    'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // space in the name
  ]) {
    assert.throws(() => parseVerifierKey(bad), code('MALFORMED_KEY'), bad);
  }
  assert.throws(() => parseSignerKey(verifierKey), code('MALFORMED_KEY'));
  assert.throws(() => generateNoteKey('a+b'), code('MALFORMED_KEY'));
  assert.throws(() => signNote('no newline', [parseSignerKey(signerKey)]), code('MALFORMED_NOTE'));
});

test('signed-note: the base64 of a verifier key may contain "+" (split on the first two only)', () => {
  for (let i = 0; i < 200; i++) {
    const key = generateNoteKey(`xaso.test/k${i}`);
    assert.equal(parseVerifierKey(key.verifierKey).verifierKey, key.verifierKey);
    if (key.verifierKey.split('+').length > 3) {
      return;
    }
  }
  assert.fail('no key with + in its base64 in 200 tries');
});
