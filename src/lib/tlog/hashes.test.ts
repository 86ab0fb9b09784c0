import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { emptyTreeHash, leafHash, leafHashOfText } from './hashes.ts';
import { rootOfLeafHashes, TreeBuilder } from './tree-builder.ts';

const vectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/tlog/known-answers.json', import.meta.url), 'utf8'),
);
const goVectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/tlog/go-vectors.json', import.meta.url), 'utf8'),
);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

test('the empty tree hash is SHA-256 of nothing (RFC 9162 §2.1.1)', () => {
  assert.equal(hex(emptyTreeHash()), vectors.emptyRoot.hex);
  assert.equal(hex(new TreeBuilder().root()), vectors.emptyRoot.hex);
});

test('RFC 6962 reference tree: the root of every prefix of the 8 leaves', () => {
  const leaves: string[] = vectors.rfc6962Tree.leavesHex;
  const builder = new TreeBuilder();
  leaves.forEach((leaf, i) => {
    builder.appendEntry(Buffer.from(leaf, 'hex'));
    assert.equal(builder.size, i + 1);
    assert.equal(hex(builder.root()), vectors.rfc6962Tree.rootsHex[i], `root of ${i + 1} leaves`);
  });
});

test('roots agree with Go sumdb/tlog for every size up to 33', () => {
  const roots: string[] = goVectors.roots;
  const hashes: Uint8Array[] = [];
  for (let size = 1; size < roots.length; size++) {
    hashes.push(leafHash(Buffer.from(`xaso test entry ${size - 1}`)));
    assert.equal(b64(rootOfLeafHashes(hashes)), roots[size], `size ${size}`);
  }
});

test('a leaf and a node with the same bytes hash differently (domain separation)', () => {
  const entry = new Uint8Array(64);
  assert.notEqual(hex(leafHash(entry)), hex(rootOfLeafHashes([entry.subarray(0, 32), entry.subarray(32)])));
});

test('leafHashOfText is leafHash over the UTF-8 bytes, for any text', () => {
  for (const text of ['', '{"a":1}', 'Nguyễn Văn Thử — 𝄞', '\u0000x']) {
    assert.equal(hex(leafHashOfText(text)), hex(leafHash(new TextEncoder().encode(text))));
  }
});
