// Batching for hot statements (issue 6 "Speed"): callers that arrive while earlier statements of the same
// kind are still in flight share ONE statement, so under load N callers cost one round trip and one
// statement instead of N, and a quiet office waits for nothing: a caller arriving when fewer than
// `maxInFlight` statements are running goes at once, alone. The intake writes this way (group commit: one
// commit, one WAL flush for all, insert-dossiers.ts), and the public lookup reads this way (one query for
// the codes asked together, dossier.repository.ts); a read's answer is written into its item.

export interface StatementBatcherOptions<T> {
  /** Runs the items in ONE statement, so they commit (or fail) together; a read writes each item's answer into it. */
  readonly run: (items: readonly T[]) => Promise<void>;
  /** Statements running at once; items arriving meanwhile wait and go together in the next one. */
  readonly maxInFlight: number;
  /** The most items in one statement. */
  readonly maxBatch: number;
}

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Returns `submit(item)`, resolved once the statement holding the item has run (committed, for a write).
 * When a statement of several items is refused by the database for its data (an integrity or data error,
 * SQLSTATE class 23 or 22), nothing of it was written: each item is then run alone, so only the faulty one
 * fails. Any other error (a lost connection, say, when a commit's fate is unknown) fails every item of the
 * statement.
 */
export function createStatementBatcher<T>(options: StatementBatcherOptions<T>): (item: T) => Promise<void> {
  const waiting: Waiting<T>[] = [];
  let inFlight = 0;

  async function runBatch(batch: readonly Waiting<T>[]): Promise<void> {
    let failure: { readonly error: unknown } | undefined;
    try {
      await options.run(batch.map((w) => w.item));
    } catch (error) {
      failure = { error };
    }
    if (failure === undefined) {
      // The next statement goes first, its callers resume after: each resumed caller sends its response
      // (serialisation and a socket write), and the next statement would otherwise wait behind all of them
      // while the database idles (measured: about 1 ms of 4 per statement under the intake benchmark).
      inFlight -= 1;
      pump();
      setImmediate(settle, batch);
      return;
    }
    const { error } = failure;
    if (batch.length === 1 || !isDataError(error)) {
      inFlight -= 1;
      pump();
      for (const w of batch) {
        w.reject(error);
      }
      return;
    }
    await Promise.all(
      batch.map((w) =>
        options.run([w.item]).then(
          () => w.resolve(),
          (alone: unknown) => w.reject(alone),
        ),
      ),
    );
    inFlight -= 1;
    pump();
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, options.maxBatch);
      inFlight += 1;
      void runBatch(batch);
    }
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}

/**
 * `submit(handle, item)` with one batcher per database handle, made on its first use: statements batch only
 * the items of one handle (one pool), and a handle dropped takes its batcher with it.
 */
export function createStatementBatcherPerHandle<H extends object, T>(
  options: (handle: H) => StatementBatcherOptions<T>,
): (handle: H, item: T) => Promise<void> {
  const batchers = new WeakMap<H, (item: T) => Promise<void>>();
  return (handle, item) => {
    let submit = batchers.get(handle);
    if (!submit) {
      submit = createStatementBatcher(options(handle));
      batchers.set(handle, submit);
    }
    return submit(item);
  };
}

function settle<T>(batch: readonly Waiting<T>[]): void {
  for (const w of batch) {
    w.resolve();
  }
}

/** The database refused the statement for what it holds (it wrote nothing): SQLSTATE class 22 or 23. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
