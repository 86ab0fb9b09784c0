// The worker that recomputes the tree for `xaso audit verify`: the same roots as the recursive definition,
// the first wrong expected root named, and a failing worker never taken for a pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leafHash, nodeHash } from './hashes.ts';
import { RootChecker } from './root-checker.ts';

const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)));
const batch = (from: number, to: number) => Buffer.concat(leaves.slice(from, to));
/** MTH by its recursive definition (RFC 9162 §2.1.1: split at the largest power of two below n). */
function mth(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 1) {
    return hashes[0] as Uint8Array;
  }
  let k = 1;
  while (k * 2 < hashes.length) {
    k *= 2;
  }
  return nodeHash(mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}
const rootAt = (size: number) => mth(leaves.slice(0, size));

test('the roots at every expected size agree; the first wrong one is named with the size before it', async () => {
  const sizes = [1, 2, 3, 255, 256, 257, 511, 700, 1000];
  const intact = new RootChecker(sizes.map((size) => ({ size, rootHash: rootAt(size) })));
  try {
    // Batches of uneven length, one of them a view into a larger buffer.
    await intact.push(batch(0, 100));
    await intact.push(batch(50, 400).subarray(50 * 32));
    for (let from = 400; from < 1000; from += 7) {
      await intact.push(batch(from, Math.min(1000, from + 7)));
    }
    assert.deepEqual(await intact.finish(), { size: 1000, firstMismatch: undefined });
  } finally {
    await intact.close();
  }

  const wrong = sizes.map((size) => ({ size, rootHash: size >= 511 ? rootAt(size - 1) : rootAt(size) }));
  const checker = new RootChecker(wrong);
  try {
    await checker.push(batch(0, 1000));
    assert.deepEqual(await checker.finish(), { size: 1000, firstMismatch: { size: 511, previousSize: 257 } });
  } finally {
    await checker.close();
  }
});

test('a failing or stopped worker rejects: its result is never taken for an intact tree', async () => {
  const failing = new RootChecker([{ size: 1, rootHash: rootAt(1) }]);
  try {
    // Not whole hashes: the worker throws, and the caller learns of it at the latest when finishing.
    await failing.push(new Uint8Array(33));
    await assert.rejects(
      (async () => {
        await failing.push(batch(0, 1));
        await failing.finish();
      })(),
      /leaf hashes of 33 bytes/,
    );
  } finally {
    await failing.close();
  }

  const stopped = new RootChecker([{ size: 1, rootHash: rootAt(1) }]);
  await stopped.push(batch(0, 1));
  await stopped.close();
  await assert.rejects(stopped.push(batch(1, 2)), /closed/);
  await assert.rejects(stopped.finish(), /closed/);
});
