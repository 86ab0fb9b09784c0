// Recomputes the Merkle tree from a stream of leaf hashes on a worker thread and holds its root against
// expected roots at given sizes (the signed checkpoints of `xaso audit verify`). The calling thread reads
// and hashes entries while this thread hashes the interior nodes: the two halves of the work run on two cores.
import { timingSafeEqual } from 'node:crypto';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { TlogError } from './errors.ts';
import { HASH_SIZE } from './internal/sha256.ts';
import { TreeBuilder } from './tree-builder.ts';

export interface ExpectedRoot {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

export interface RootCheck {
  /** Leaves appended. */
  readonly size: number;
  /** The first expected root the tree did not have, with the previous expected size (where a change must start). */
  readonly firstMismatch: { size: number; previousSize: number } | undefined;
}

type ToWorker = { leaves: Uint8Array } | { end: true };
type FromWorker = { processed: number } | { done: RootCheck };

/** Batches in flight before `push` waits: bounds the memory held in the message queue. */
const MAX_IN_FLIGHT = 4;

function runWorker(expected: readonly ExpectedRoot[]): void {
  const port = parentPort;
  if (!port) {
    return;
  }
  const builder = new TreeBuilder();
  let position = 0;
  let previousSize = 0;
  let firstMismatch: RootCheck['firstMismatch'];
  let processed = 0;
  port.on('message', (message: ToWorker) => {
    if ('end' in message) {
      port.postMessage({ done: { size: builder.size, firstMismatch } } satisfies FromWorker);
      return;
    }
    const { leaves } = message;
    if (leaves.length % HASH_SIZE !== 0) {
      throw new TlogError('MALFORMED_HASH', `a batch of leaf hashes of ${leaves.length} bytes`);
    }
    for (let offset = 0; offset < leaves.length; offset += HASH_SIZE) {
      builder.appendLeafHash(leaves.subarray(offset, offset + HASH_SIZE));
      const next = expected[position];
      if (next && next.size === builder.size) {
        // Only the first mismatch says something: every later root includes the same change.
        if (!firstMismatch && !timingSafeEqual(builder.root(), next.rootHash)) {
          firstMismatch = { size: next.size, previousSize };
        }
        previousSize = next.size;
        position++;
      }
    }
    processed++;
    port.postMessage({ processed } satisfies FromWorker);
  });
}

if (!isMainThread && (workerData as { isRootChecker?: boolean } | null)?.isRootChecker) {
  runWorker((workerData as { expected: ExpectedRoot[] }).expected);
}

/** The calling side: push leaf hashes in order, then `finish` for the result. */
export class RootChecker {
  readonly #worker: Worker;
  #pushed = 0;
  #processed = 0;
  #failure: Error | undefined;
  #wake: (() => void) | undefined;
  #result: RootCheck | undefined;

  /** `expected` sorted by size. */
  constructor(expected: readonly ExpectedRoot[]) {
    this.#worker = new Worker(new URL(import.meta.url), {
      workerData: { isRootChecker: true, expected },
      // Not the caller's flags: some (--input-type of `node -e`, the heap caps) do not apply to this file.
      execArgv: [],
      // Its working set is one batch and a compact range (shared/AUDIT-LOG.md: ≤ 200 MB for the verifier).
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 16 },
    });
    this.#worker.on('message', (message: FromWorker) => {
      if ('done' in message) {
        this.#result = message.done;
      } else {
        this.#processed = message.processed;
      }
      this.#wake?.();
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the tree worker exited (code ${code})`)));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wake?.();
  }

  /** Resolves when `isReady` holds; rejects once the worker has failed. */
  async #until(isReady: () => boolean): Promise<void> {
    while (!isReady()) {
      if (this.#failure) {
        throw this.#failure;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }

  /** Appends leaf hashes (whole 32-byte hashes); their buffer is handed over to the worker. */
  async push(leaves: Uint8Array): Promise<void> {
    if (this.#failure) {
      throw this.#failure;
    }
    // A view into a larger buffer (a Buffer from Node's pool, a subarray) is copied: only whole ones move.
    const isWhole = leaves.byteOffset === 0 && leaves.byteLength === leaves.buffer.byteLength;
    const copy = isWhole && !Buffer.isBuffer(leaves) ? leaves : new Uint8Array(leaves);
    this.#worker.postMessage({ leaves: copy } satisfies ToWorker, [copy.buffer as ArrayBuffer]);
    this.#pushed++;
    await this.#until(() => this.#pushed - this.#processed <= MAX_IN_FLIGHT);
  }

  async finish(): Promise<RootCheck> {
    this.#worker.postMessage({ end: true } satisfies ToWorker);
    await this.#until(() => this.#result !== undefined);
    return this.#result as RootCheck;
  }

  /** Stops the worker (always call, also after `finish`). */
  async close(): Promise<void> {
    this.#failure ??= new Error('the tree worker was closed');
    await this.#worker.terminate();
  }
}
