import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTestPki } from '../../../../test/fixtures/pki/test-pki.ts';
import { parseCertificate, rememberParsedCertificate } from './certificate.ts';

test('parseCertificate caches by array, but never returns a parse of bytes the array no longer holds', async () => {
  const pki = await getTestPki();
  const bytes = new Uint8Array(pki.leader.certificate);
  const first = parseCertificate(bytes);
  assert.equal(parseCertificate(bytes), first, 'same unchanged array: the cached parse');
  assert.notEqual(first.der, bytes, 'the parse keeps its own copy');

  const last = bytes.length - 1;
  bytes[last] = bytes[last]! ^ 0xff; // the last byte of the signature value
  const second = parseCertificate(bytes);
  assert.notEqual(second, first);
  assert.equal(second.signatureValue.at(-1), bytes[last]);
  assert.equal(first.signatureValue.at(-1), pki.leader.certificate[last], 'the first parse is untouched');
});

test('rememberParsedCertificate only aliases a copy holding the same bytes', async () => {
  const pki = await getTestPki();
  const parsed = parseCertificate(pki.seal.certificate);
  const copy = new Uint8Array(pki.seal.certificate);
  rememberParsedCertificate(copy, parsed);
  assert.equal(parseCertificate(copy), parsed);
  const other = new Uint8Array(pki.leader.certificate);
  rememberParsedCertificate(other, parsed);
  assert.notEqual(parseCertificate(other).serialHex, parsed.serialHex);
});
