// Statement batching (statement-batcher.ts): a quiet caller goes alone at once; callers arriving while statements are
// in flight share the next one; a statement refused for its data is retried item by item.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStatementBatcher, createStatementBatcherPerHandle } from './statement-batcher.ts';

/** A write the test completes by hand: each call's items, and a way to settle it. */
function manualWrites() {
  const calls: { items: number[]; settle: (error?: unknown) => void }[] = [];
  const write = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ items: [...items], settle: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, write };
}

// Callers resume in a later turn than the commit (setImmediate): two turns see them settled.
const tick = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

test('a write arriving when the statements in flight are fewer than allowed goes at once, alone', async () => {
  const { calls, write } = manualWrites();
  const submit = createStatementBatcher({ run: write, maxInFlight: 2, maxBatch: 10 });
  const first = submit(1);
  const second = submit(2);
  assert.deepEqual(
    calls.map((c) => c.items),
    [[1], [2]],
  );
  calls[0]?.settle();
  calls[1]?.settle();
  await Promise.all([first, second]);
});

test('writes arriving while the allowed statements are in flight wait, then share one, at most maxBatch', async () => {
  const { calls, write } = manualWrites();
  const submit = createStatementBatcher({ run: write, maxInFlight: 1, maxBatch: 3 });
  const settled: number[] = [];
  const all = [1, 2, 3, 4, 5, 6].map((n) => submit(n).then(() => settled.push(n)));
  assert.deepEqual(
    calls.map((c) => c.items),
    [[1]],
  );
  calls[0]?.settle();
  await tick();
  assert.deepEqual(settled, [1]);
  assert.deepEqual(
    calls.map((c) => c.items),
    [[1], [2, 3, 4]],
  );
  calls[1]?.settle();
  await tick();
  assert.deepEqual(
    calls.map((c) => c.items),
    [[1], [2, 3, 4], [5, 6]],
  );
  assert.deepEqual(settled, [1, 2, 3, 4], 'each resolved only once its own statement committed');
  calls[2]?.settle();
  await Promise.all(all);
});

test('a statement refused for its data (SQLSTATE 23…/22…) is retried item by item: only the faulty item fails', async () => {
  const { calls, write } = manualWrites();
  const submit = createStatementBatcher({ run: write, maxInFlight: 1, maxBatch: 10 });
  const first = submit(1);
  const rest = [2, 3, 4].map((n) =>
    submit(n).then(
      () => 'ok',
      (error: { code: string }) => error.code,
    ),
  );
  calls[0]?.settle();
  await first;
  await tick();
  assert.deepEqual(calls[1]?.items, [2, 3, 4]);
  calls[1]?.settle(Object.assign(new Error('duplicate key'), { code: '23505' }));
  await tick();
  assert.deepEqual(
    calls.slice(2).map((c) => c.items),
    [[2], [3], [4]],
  );
  calls[2]?.settle();
  calls[3]?.settle(Object.assign(new Error('duplicate key'), { code: '23505' }));
  calls[4]?.settle();
  assert.deepEqual(await Promise.all(rest), ['ok', '23505', 'ok']);
});

test('any other failure (a lost connection: the commit unknown) fails every item of the statement, no retry', async () => {
  const { calls, write } = manualWrites();
  const submit = createStatementBatcher({ run: write, maxInFlight: 1, maxBatch: 10 });
  const first = submit(1);
  const rest = [2, 3].map((n) =>
    submit(n).then(
      () => 'ok',
      (error: Error) => error.message,
    ),
  );
  calls[0]?.settle();
  await first;
  await tick();
  calls[1]?.settle(Object.assign(new Error('Connection terminated unexpectedly')));
  assert.deepEqual(await Promise.all(rest), [
    'Connection terminated unexpectedly',
    'Connection terminated unexpectedly',
  ]);
  assert.equal(calls.length, 2, 'nothing retried');
  // The batcher goes on: the next write goes at once.
  const next = submit(4);
  assert.deepEqual(calls[2]?.items, [4]);
  calls[2]?.settle();
  await next;
});

test('the next statement is sent before the callers of the one just committed resume', async () => {
  const { calls, write } = manualWrites();
  const submit = createStatementBatcher({ run: write, maxInFlight: 1, maxBatch: 10 });
  let sentWhenFirstResumed = -1;
  const first = submit(1).then(() => {
    sentWhenFirstResumed = calls.length;
  });
  const rest = [submit(2), submit(3)];
  calls[0]?.settle();
  await first;
  assert.equal(sentWhenFirstResumed, 2, 'the waiting items were already on their way');
  assert.deepEqual(calls[1]?.items, [2, 3]);
  calls[1]?.settle();
  await Promise.all(rest);
});

test("per handle: the items of one handle share its statements, never another handle's", async () => {
  const calls: { handle: string; items: number[]; settle: () => void }[] = [];
  const submit = createStatementBatcherPerHandle<{ name: string }, number>((handle) => ({
    run: (items) =>
      new Promise<void>((resolve) => {
        calls.push({ handle: handle.name, items: [...items], settle: resolve });
      }),
    maxInFlight: 1,
    maxBatch: 10,
  }));
  const a = { name: 'a' };
  const b = { name: 'b' };
  const all = [submit(a, 1), submit(b, 2), submit(a, 3), submit(b, 4), submit(a, 5)];
  assert.deepEqual(
    calls.map((c) => [c.handle, c.items]),
    [
      ['a', [1]],
      ['b', [2]],
    ],
    'each handle has its own statement in flight',
  );
  calls[0]?.settle();
  calls[1]?.settle();
  await tick();
  assert.deepEqual(
    calls.slice(2).map((c) => [c.handle, c.items]),
    [
      ['a', [3, 5]],
      ['b', [4]],
    ],
  );
  for (const c of calls.slice(2)) {
    c.settle();
  }
  await Promise.all(all);
});
