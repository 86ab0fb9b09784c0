// Gapless sequencing (issue 4 §2): concurrent business transactions, some rolled back, leave the events
// numbered 0..n-1 with no gap by the sequencer, and only committed changes have an event. On PostgreSQL the
// writers, two sequencers and the integrator run on several pool connections at once.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { bulkInsertPendingEvents, testLogSigner } from '../../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase, testEngine } from '../../../test/helpers/test-database.ts';
import type { Db, Trx } from '../../database.ts';
import { parseVerifierKey } from '../../lib/tlog/index.ts';
import { appendAuditEvent, canonicalJson } from './append-audit-event.ts';
import { countPendingEvents, readNextSeq } from './audit-tree.repository.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { sequenceAuditEvents } from './sequence-audit-events.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

class Rollback extends Error {}

test('concurrent writers with rollbacks: gapless sequence, one event per committed change', async () => {
  const { db } = await createTestDatabase();
  await sql`create table audit_test_changes (id uuid primary key)`.execute(db);
  const WRITERS = 8;
  const EACH = 30;
  const signer = testLogSigner();
  let committed = 0;
  let isWriting = true;
  const integrating = (async () => {
    // The integrator (which sequences first) runs alongside the writers, as on a live server.
    for (let i = 0; i < 10; i++) {
      await integrateAuditLog({ db, signer });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  // And two more sequencers at once, in small batches: they must take turns, never share a number.
  const sequencing = [7, 11].map(async (batchSize) => {
    while (isWriting) {
      await sequenceAuditEvents(db, { batchSize });
      await new Promise((resolve) => setTimeout(resolve, randomInt(0, 3)));
    }
  });
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; i < EACH; i++) {
        const id = randomUUID();
        const isRolledBack = randomInt(0, 10) < 2;
        try {
          await db.transaction().execute(async (trx) => {
            await sql`insert into audit_test_changes (id) values (${id})`.execute(trx);
            await appendAuditEvent(trx, {
              actor: { type: 'system', id: null },
              action: 'organisation.unit_created',
              unitId: null,
              subjectType: 'test',
              subjectId: id,
              requestId: `w${writer}-${i}`,
            });
            // Hold the transaction a moment so writers really overlap.
            await sql`select pg_sleep(${randomInt(0, 3) / 1000})`.execute(trx);
            if (isRolledBack) {
              throw new Rollback();
            }
          });
          committed++;
        } catch (error) {
          if (!(error instanceof Rollback)) {
            throw error;
          }
        }
      }
    }),
  );
  isWriting = false;
  await Promise.all([integrating, ...sequencing]);
  // Every committed event is numbered by the first sequencer run that starts after its commit.
  await sequenceAuditEvents(db);
  const events = await db
    .selectFrom('audit_events')
    .select(['seq', 'subject_id', 'entry'])
    .orderBy('seq')
    .execute();
  assert.equal(events.length, committed);
  assert.deepEqual(
    events.map((e) => Number(e.seq)),
    Array.from({ length: committed }, (_, i) => i),
  );
  for (const event of events) {
    // The entry is the canonical JSON of the event with its number, byte for byte.
    const parsed = JSON.parse(event.entry) as { seq: number };
    assert.equal(parsed.seq, Number(event.seq));
    assert.equal(canonicalJson(parsed), event.entry);
  }
  const changes = await db
    .selectFrom('audit_test_changes' as never)
    .select('id' as never)
    .execute();
  assert.deepEqual(
    new Set(changes.map((c) => (c as { id: string }).id)),
    new Set(events.map((e) => e.subject_id)),
  );
  await integrateAuditLog({ db, signer });
  const verification = await verifyAuditLog({ db, verifiers: [parseVerifierKey(signer.verifierKey)] });
  assert.equal(verification.isIntact, true, JSON.stringify(verification.problems));
  assert.equal(verification.entries, committed);
});

const appendOne = (db: Db, subjectId: string, trx?: Trx) => {
  const append = (t: Trx) =>
    appendAuditEvent(t, {
      actor: { type: 'system', id: null },
      action: 'organisation.unit_created',
      unitId: null,
      subjectType: 'test',
      subjectId,
      requestId: null,
      details: { note: 'Quyết định số 12/QĐ-UBND 🏛' },
    });
  return trx ? append(trx) : db.transaction().execute(append);
};

test('an event is pending until sequenced; one committed during a sequencer run waits for the next', async () => {
  const { db } = await createTestDatabase();
  await appendOne(db, 'a');
  const pending = await db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
  assert.equal(pending.seq, null);
  assert.equal(pending.subject_id, 'a', 'pending events are readable');
  assert.equal(await countPendingEvents(db), 1);
  if (testEngine === 'postgres') {
    // A business transaction still open while the sequencer runs: its event is not seen, not skipped.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted: () => void = () => undefined;
    const isInserted = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const open = db.transaction().execute(async (trx) => {
      await appendOne(db, 'b', trx);
      inserted();
      await held;
    });
    await isInserted;
    assert.deepEqual(await sequenceAuditEvents(db), { sequenced: 1, nextSeq: 1 });
    release();
    await open;
    assert.equal(await countPendingEvents(db), 1);
  } else {
    await appendOne(db, 'b');
  }
  assert.deepEqual(await sequenceAuditEvents(db), {
    sequenced: testEngine === 'postgres' ? 1 : 2,
    nextSeq: 2,
  });
  assert.deepEqual(await sequenceAuditEvents(db), { sequenced: 0, nextSeq: 2 });
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'subject_id', 'entry'])
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    rows.map((r) => [Number(r.seq), r.subject_id]),
    [
      [0, 'a'],
      [1, 'b'],
    ],
  );
  assert.equal(canonicalJson(JSON.parse(rows[1]?.entry ?? '')), rows[1]?.entry, 'non-ASCII details survive');
});

test('many sequencers at once on a backlog: each number once, no gap, counter in step', async () => {
  const { db } = await createTestDatabase();
  await bulkInsertPendingEvents(db, 500);
  const results = await Promise.all(
    [37, 41, 43, 500].map((batchSize) => sequenceAuditEvents(db, { batchSize })),
  );
  assert.equal(
    results.reduce((sum, r) => sum + r.sequenced, 0),
    500,
  );
  const seqs = await db.selectFrom('audit_events').select('seq').orderBy('seq').execute();
  assert.deepEqual(
    seqs.map((r) => Number(r.seq)),
    Array.from({ length: 500 }, (_, i) => i),
  );
  assert.equal(await readNextSeq(db), 500);
  // In insertion order: the subject ids were inserted as 1..500.
  const order = await db.selectFrom('audit_events').select('subject_id').orderBy('seq').execute();
  assert.deepEqual(
    order.map((r) => Number(r.subject_id)),
    Array.from({ length: 500 }, (_, i) => i + 1),
  );
});

test('the append-only trigger lets only the sequencing update through', async () => {
  const { db } = await createTestDatabase();
  await appendOne(db, 'a');
  await appendOne(db, 'b');
  // A pending row may not be changed otherwise, nor numbered with other bytes, nor deleted.
  await assert.rejects(
    sql`update audit_events set subject_id = 'x' where subject_id = 'a'`.execute(db),
    /append-only/,
  );
  await assert.rejects(
    sql`update audit_events set seq = 0 where subject_id = 'a'`.execute(db),
    /append-only/,
  );
  await assert.rejects(sql`delete from audit_events where subject_id = 'a'`.execute(db), /append-only/);
  // A pending entry must hold the placeholder; a sequenced one must not.
  await assert.rejects(
    sql`insert into audit_events (occurred_at, actor_type, action, subject_type, entry)
      values (now(), 'system', 'organisation.unit_created', 'test', '{"seq":5}')`.execute(db),
    /audit_events_pending_entry/,
  );
  await sequenceAuditEvents(db);
  await assert.rejects(
    sql`update audit_events set seq = 7, entry = replace(entry, '"seq":0', '"seq":7') where seq = 0`.execute(
      db,
    ),
    /append-only/,
  );
  assert.equal(await readNextSeq(db), 2);
});
