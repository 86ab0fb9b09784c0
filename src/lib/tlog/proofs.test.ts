import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isTlogError } from './errors.ts';
import { leafHash } from './hashes.ts';
import { createMemoryHashReader } from './internal/memory-hash-reader.ts';
import { proveConsistency } from './prove-consistency.ts';
import { proveInclusion } from './prove-inclusion.ts';
import { rootOfLeafHashes } from './tree-builder.ts';
import { verifyConsistency } from './verify-consistency.ts';
import { verifyInclusion } from './verify-inclusion.ts';

const goVectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/tlog/go-vectors.json', import.meta.url), 'utf8'),
);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromB64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

const leaves = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`xaso test entry ${i}`)));
const reader = createMemoryHashReader(leaves);
const root = (size: number) => rootOfLeafHashes(leaves.slice(0, size));
const invalidProof = (error: unknown) => isTlogError(error, 'INVALID_PROOF');

test('inclusion proofs equal Go sumdb/tlog ProveRecord for every (index, size ≤ 33), and verify', async () => {
  for (const vector of goVectors.inclusion as { index: number; size: number; proof: string[] }[]) {
    const proof = await proveInclusion(vector.index, vector.size, reader);
    assert.deepEqual(proof.map(b64), vector.proof, `index ${vector.index} size ${vector.size}`);
    verifyInclusion({
      index: vector.index,
      size: vector.size,
      leafHash: leaves[vector.index] as Uint8Array,
      proof: vector.proof.map(fromB64),
      rootHash: root(vector.size),
    });
  }
});

test('consistency proofs equal Go sumdb/tlog ProveTree for every (old, new ≤ 33), and verify', async () => {
  for (const vector of goVectors.consistency as { oldSize: number; newSize: number; proof: string[] }[]) {
    const proof = await proveConsistency(vector.oldSize, vector.newSize, reader);
    assert.deepEqual(proof.map(b64), vector.proof, `${vector.oldSize} → ${vector.newSize}`);
    verifyConsistency({
      oldSize: vector.oldSize,
      newSize: vector.newSize,
      oldRootHash: root(vector.oldSize),
      newRootHash: root(vector.newSize),
      proof: vector.proof.map(fromB64),
    });
  }
});

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[Math.floor(bit / 8)] = (copy[Math.floor(bit / 8)] as number) ^ (1 << (bit % 8));
  return copy;
}

test('inclusion: every single-bit change, wrong index, wrong size, short or long proof is rejected', async () => {
  for (const [index, size] of [
    [0, 1],
    [0, 8],
    [5, 8],
    [12, 13],
    [31, 33],
    [32, 33],
  ] as const) {
    const proof = await proveInclusion(index, size, reader);
    const good = { index, size, leafHash: leaves[index] as Uint8Array, proof, rootHash: root(size) };
    verifyInclusion(good);
    for (let i = 0; i < proof.length; i++) {
      for (const bit of [0, 7, 100, 255]) {
        const bad = proof.map((h, j) => (j === i ? flipBit(h, bit) : h));
        assert.throws(() => verifyInclusion({ ...good, proof: bad }), invalidProof);
      }
    }
    assert.throws(() => verifyInclusion({ ...good, leafHash: flipBit(good.leafHash, 3) }), invalidProof);
    assert.throws(() => verifyInclusion({ ...good, rootHash: flipBit(good.rootHash, 200) }), invalidProof);
    assert.throws(() => verifyInclusion({ ...good, index: size }), invalidProof);
    if (size > 1) {
      assert.throws(() => verifyInclusion({ ...good, index: (index + 1) % size }), invalidProof);
      assert.throws(() => verifyInclusion({ ...good, proof: proof.slice(1) }), invalidProof);
      assert.throws(() => verifyInclusion({ ...good, proof: proof.slice(0, -1) }), invalidProof);
    }
    assert.throws(
      () => verifyInclusion({ ...good, proof: [...proof, leaves[0] as Uint8Array] }),
      invalidProof,
    );
    assert.throws(() => verifyInclusion({ ...good, size: size + 1, rootHash: root(size + 1) }), invalidProof);
  }
  await assert.rejects(proveInclusion(8, 8, reader), (e: unknown) => isTlogError(e, 'INVALID_RANGE'));
});

test('consistency: bit flips, swapped roots, wrong sizes and truncated proofs are rejected', async () => {
  for (const [oldSize, newSize] of [
    [1, 2],
    [3, 7],
    [4, 8],
    [6, 8],
    [7, 33],
    [16, 33],
  ] as const) {
    const proof = await proveConsistency(oldSize, newSize, reader);
    const good = { oldSize, newSize, oldRootHash: root(oldSize), newRootHash: root(newSize), proof };
    verifyConsistency(good);
    for (let i = 0; i < proof.length; i++) {
      const bad = proof.map((h, j) => (j === i ? flipBit(h, 77) : h));
      assert.throws(() => verifyConsistency({ ...good, proof: bad }), invalidProof);
    }
    assert.throws(() => verifyConsistency({ ...good, oldRootHash: root(oldSize + 1) }), invalidProof);
    assert.throws(() => verifyConsistency({ ...good, newRootHash: root(newSize - 1) }), invalidProof);
    assert.throws(() => verifyConsistency({ ...good, proof: proof.slice(0, -1) }), invalidProof);
    assert.throws(
      () => verifyConsistency({ ...good, proof: [...proof, proof[0] as Uint8Array] }),
      invalidProof,
    );
    assert.throws(() => verifyConsistency({ ...good, proof: [] }), invalidProof);
    assert.throws(
      () =>
        verifyConsistency({
          ...good,
          oldSize: newSize,
          newSize: oldSize,
          oldRootHash: good.newRootHash,
          newRootHash: good.oldRootHash,
        }),
      invalidProof,
    );
  }
  // Equal sizes: empty proof and equal roots only; the empty tree is a prefix of every tree.
  verifyConsistency({ oldSize: 5, newSize: 5, oldRootHash: root(5), newRootHash: root(5), proof: [] });
  assert.throws(
    () =>
      verifyConsistency({ oldSize: 5, newSize: 5, oldRootHash: root(5), newRootHash: root(6), proof: [] }),
    invalidProof,
  );
  verifyConsistency({ oldSize: 0, newSize: 5, oldRootHash: root(0), newRootHash: root(5), proof: [] });
  await assert.rejects(proveConsistency(6, 5, reader), (e: unknown) => isTlogError(e, 'INVALID_RANGE'));
});
