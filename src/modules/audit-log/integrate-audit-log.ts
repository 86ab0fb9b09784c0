// The integrator (issue 4 §3): first runs the sequencer (sequence-audit-events.ts) so every committed event
// has its number, then takes the events sequenced since the last checkpoint, in sequence order,
// appends their leaves to the tiles and signs a new checkpoint, all in one transaction. A crash anywhere
// rolls the whole batch back, so re-running always continues from a checkpoint that is a prefix of the
// next one (crash-safe by construction; tested by killing the process mid-batch).
import type { Db } from '../../database.ts';
import {
  appendTiles,
  formatCheckpoint,
  leafHashOfText,
  type NoteSigner,
  signNote,
  treeHash,
} from '../../lib/tlog/index.ts';
import {
  insertCheckpoint,
  lockTreeState,
  readEntries,
  readTreeSize,
  setTreeSize,
  upsertTiles,
} from './audit-tree.repository.ts';
import { sequenceAuditEvents } from './sequence-audit-events.ts';
import { createStoredHashReader, createTileReader } from './stored-hash-reader.ts';

export interface IntegrationResult {
  /** The size of the tree after this run (unchanged when nothing was pending). */
  readonly size: number;
  /** Signed checkpoints created by this run (one per batch). */
  readonly checkpoints: number;
}

/** Integrates one batch of at most `batchSize` events; returns the new size, or undefined if none pending. */
async function integrateBatch(db: Db, signer: NoteSigner, batchSize: number): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const size = await lockTreeState(trx);
    const rows = await readEntries(trx, size, batchSize);
    // The sequencer commits whole gapless runs, so the visible numbers form one from `size`; stop at a gap
    // rather than skip an index all the same.
    let count = 0;
    while (count < rows.length && Number(rows[count]?.seq) === size + count) {
      count++;
    }
    if (count === 0) {
      return undefined;
    }
    const leafHashes = rows.slice(0, count).map((row) => leafHashOfText(row.entry));
    const changed = await appendTiles({ size, leafHashes, readTiles: createTileReader(trx) });
    await upsertTiles(trx, changed);
    const newSize = size + count;
    const rootHash = await treeHash(newSize, createStoredHashReader(trx, newSize, changed));
    const note = signNote(
      formatCheckpoint({ origin: signer.name, size: newSize, rootHash, extensions: [] }),
      [signer],
    );
    await insertCheckpoint(trx, { size: newSize, rootHash, note });
    await setTreeSize(trx, newSize);
    return newSize;
  });
}

/**
 * Sequences the committed pending events, then integrates everything sequenced, in batches; each batch is
 * one transaction and one checkpoint.
 */
export async function integrateAuditLog(options: {
  db: Db;
  signer: NoteSigner;
  batchSize?: number;
  /** Called after each committed batch with the new tree size. */
  onCheckpoint?: (size: number) => void;
}): Promise<IntegrationResult> {
  const batchSize = options.batchSize ?? 20_000;
  await sequenceAuditEvents(options.db);
  let checkpoints = 0;
  let size: number | undefined;
  for (;;) {
    const next = await integrateBatch(options.db, options.signer, batchSize);
    if (next === undefined) {
      break;
    }
    size = next;
    checkpoints++;
    options.onCheckpoint?.(next);
  }
  return { size: size ?? (await readTreeSize(options.db)), checkpoints };
}
