// The single sequencer (issue 4 §2, "a pending table plus a single sequencer"): gives every committed
// pending event (seq NULL) its place in the log. Business transactions only insert; this is the one writer
// of `seq`. Each batch is one transaction: lock the counter row (audit_head, which no business transaction
// touches any more, so two sequencers, in one process or several, take turns), number the pending events
// visible to a fresh statement in insertion order (`id`) from the counter in one set-based UPDATE that
// also writes the entry bytes, and move the counter past them. A crash rolls the batch back whole: the
// numbers stay gapless and the events stay pending for the next run.
//
// An event committed while a batch runs is not visible to it and waits for the next run: every committed
// event is sequenced by the first run that starts after its commit. An event committed after another one
// started (a causal successor) never gets the smaller number: it cannot be visible to a batch that misses
// its predecessor, and within a batch insertion order puts it after.
import { sql } from 'kysely';
import type { Db, Trx } from '../../database.ts';

export interface SequencingResult {
  /** Events numbered by this run. */
  readonly sequenced: number;
  /** The counter after this run: the number of events sequenced since the log began. */
  readonly nextSeq: number;
}

async function sequenceBatch(trx: Trx, batchSize: number): Promise<{ sequenced: number; nextSeq: number }> {
  // The lock: a second sequencer waits here, then reads the counter the first one left.
  const head = await sql<{ next_seq: string | number }>`
    select next_seq from audit_head where id = 1 for update`.execute(trx);
  const first = Number(head.rows[0]?.next_seq ?? 0);
  // A new statement, so a new snapshot (READ COMMITTED): it sees what the previous holder of the lock
  // committed, and only committed rows, never a pending insert still in flight.
  const numbered = await sql`
    update audit_events e
    set seq = p.seq, entry = replace(e.entry, chr(1), p.seq::text)
    from (
      select id, ${first}::bigint + row_number() over (order by id) - 1 as seq
      from audit_events where seq is null order by id limit ${batchSize}
    ) p
    where e.id = p.id`.execute(trx);
  const sequenced = Number(numbered.numAffectedRows ?? 0);
  if (sequenced > 0) {
    await sql`update audit_head set next_seq = ${first + sequenced} where id = 1`.execute(trx);
  }
  return { sequenced, nextSeq: first + sequenced };
}

/**
 * Sequences every pending event committed before the call, in batches of at most `batchSize` (one
 * transaction each). Run by the integrator loop right before integration; tests call it to get `seq`.
 */
export async function sequenceAuditEvents(
  db: Db,
  options: { batchSize?: number; onBatch?: (result: SequencingResult) => void } = {},
): Promise<SequencingResult> {
  const batchSize = options.batchSize ?? 20_000;
  let sequenced = 0;
  for (;;) {
    const batch = await db
      .transaction()
      .setIsolationLevel('read committed')
      .execute((trx) => sequenceBatch(trx, batchSize));
    sequenced += batch.sequenced;
    if (batch.sequenced > 0) {
      options.onBatch?.(batch);
    }
    if (batch.sequenced < batchSize) {
      return { sequenced, nextSeq: batch.nextSeq };
    }
  }
}
