// Tampering by a database superuser with triggers off (session_replication_role = replica) is caught by
// recomputing the tree against the signed checkpoints, and the first bad entry is named (issue 4 §7, §8).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import {
  appendTestEvents,
  bulkInsertEvents,
  testLogSigner,
} from '../../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Db, DbExecutor } from '../../database.ts';
import { parseVerifierKey } from '../../lib/tlog/index.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { type AuditVerification, verifyAuditLog } from './verify-audit-log.ts';

const SIZE = 24;
const signer = testLogSigner();
const verifiers = [parseVerifierKey(signer.verifierKey)];

async function logOf(size: number): Promise<Db> {
  const { db } = await createTestDatabase();
  await appendTestEvents(db, size);
  await integrateAuditLog({ db, signer, batchSize: 5 });
  return db;
}

class Rollback extends Error {}

/** Tampers as a superuser inside a transaction, verifies within it, then rolls everything back. */
async function tamperAndVerify(
  db: Db,
  tamper: (trx: DbExecutor) => Promise<unknown>,
): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await tamper(trx);
      await sql`set local session_replication_role = origin`.execute(trx);
      result = await verifyAuditLog({ db: trx, verifiers });
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) {
        throw error;
      }
    });
  return result as AuditVerification;
}

const kinds = (r: AuditVerification) => r.problems.map((p) => p.kind);

test('an untouched log verifies; the triggers refuse UPDATE, DELETE and TRUNCATE from the application', async () => {
  const db = await logOf(SIZE);
  const result = await verifyAuditLog({ db, verifiers });
  assert.equal(result.isIntact, true, JSON.stringify(result.problems));
  assert.equal(result.entries, SIZE);
  assert.equal(result.latest?.size, SIZE);
  assert.equal(result.unsequenced, 0);
  assert.ok(Object.values(result.phasesMs).every((ms) => ms >= 0));
  await assert.rejects(sql`update audit_events set action = 'x' where seq = 3`.execute(db), /append-only/);
  await assert.rejects(sql`delete from audit_events where seq = 3`.execute(db), /append-only/);
  await assert.rejects(sql`truncate audit_events`.execute(db), /append-only/);
  await assert.rejects(sql`delete from audit_checkpoints`.execute(db), /append-only/);
  // Another key does not vouch for these checkpoints.
  const stranger = await verifyAuditLog({ db, verifiers: [parseVerifierKey(testLogSigner().verifierKey)] });
  assert.equal(stranger.isIntact, false);
  assert.ok(kinds(stranger).every((k) => k === 'bad_checkpoint'));
});

test('a single flipped bit in any entry is detected and its index named', async () => {
  const db = await logOf(SIZE);
  for (let index = 0; index < SIZE; index++) {
    const result = await tamperAndVerify(db, async (trx) => {
      const row = await trx
        .selectFrom('audit_events')
        .select('entry')
        .where('seq', '=', index)
        .executeTakeFirstOrThrow();
      // Flip the lowest bit of a character inside the request id value (`req-N` → `seq-N`-like change).
      const at = row.entry.indexOf('"request":"') + 11;
      const flipped =
        row.entry.slice(0, at) + String.fromCharCode(row.entry.charCodeAt(at) ^ 1) + row.entry.slice(at + 1);
      await trx.updateTable('audit_events').set({ entry: flipped }).where('seq', '=', index).execute();
    });
    assert.equal(result.isIntact, false, `entry ${index}`);
    assert.equal(result.firstBadIndex, index, `entry ${index}: ${JSON.stringify(result.problems)}`);
    assert.ok(kinds(result).includes('modified_entry'));
    assert.ok(kinds(result).includes('root_mismatch'));
  }
});

test('superuser UPDATE, DELETE, reordering, insertion and truncation: each caught, first bad index named', async () => {
  const db = await logOf(SIZE);
  const cases: [string, (trx: DbExecutor) => Promise<unknown>, number, string][] = [
    [
      'update of a column only',
      (trx) => sql`update audit_events set action = 'identity.staff_disabled' where seq = 11`.execute(trx),
      11,
      'column_mismatch',
    ],
    [
      'update of the entry',
      (trx) =>
        sql`update audit_events set entry = replace(entry, 'signed_in', 'signed_out') where seq = 9`.execute(
          trx,
        ),
      9,
      'modified_entry',
    ],
    ['delete', (trx) => sql`delete from audit_events where seq = 17`.execute(trx), 17, 'missing_entry'],
    [
      'delete of the last entry',
      (trx) => sql`delete from audit_events where seq = ${SIZE - 1}`.execute(trx),
      SIZE - 1,
      'truncated',
    ],
    [
      'reorder (two entries swap places)',
      async (trx) => {
        await sql`update audit_events set seq = -1 where seq = 6`.execute(trx);
        await sql`update audit_events set seq = 6 where seq = 13`.execute(trx);
        await sql`update audit_events set seq = 13 where seq = -1`.execute(trx);
      },
      6,
      'misplaced_entry',
    ],
    [
      'insertion in the middle (later entries renumbered)',
      async (trx) => {
        await sql`update audit_events set seq = seq + 1000 where seq >= 8`.execute(trx);
        await sql`update audit_events set seq = seq - 999 where seq >= 1000`.execute(trx);
        await sql`insert into audit_events (seq, occurred_at, actor_type, action, subject_type, details, entry)
          select 8, occurred_at, actor_type, action, subject_type, details, replace(entry, '"seq":7', '"seq":8')
          from audit_events where seq = 7`.execute(trx);
      },
      8,
      'modified_entry',
    ],
    [
      'insertion at the end, behind the sequencer',
      (trx) =>
        sql`insert into audit_events (seq, occurred_at, actor_type, action, subject_type, details, entry)
          select ${SIZE}, occurred_at, actor_type, action, subject_type, details, replace(entry, '"seq":0', '"seq":${sql.raw(String(SIZE))}')
          from audit_events where seq = 0`.execute(trx),
      SIZE,
      'sequence_mismatch',
    ],
    ['truncation', (trx) => sql`truncate audit_events`.execute(trx), 0, 'truncated'],
    [
      'a checkpoint rewritten',
      (trx) =>
        sql`update audit_checkpoints set note = replace(note, ${`\n${SIZE}\n`}, ${`\n${SIZE + 1}\n`}) where size = ${SIZE}`.execute(
          trx,
        ),
      -1,
      'bad_checkpoint',
    ],
  ];
  for (const [name, tamper, index, kind] of cases) {
    const result = await tamperAndVerify(db, tamper);
    assert.equal(result.isIntact, false, name);
    assert.ok(kinds(result).includes(kind as never), `${name}: ${JSON.stringify(result.problems)}`);
    if (index >= 0) {
      assert.equal(result.firstBadIndex, index, `${name}: ${JSON.stringify(result.problems)}`);
    }
  }
  // Everything was rolled back: the log is intact again.
  assert.equal((await verifyAuditLog({ db, verifiers })).isIntact, true);
});

test('entries in another consistent form (key order, spacing) pass through the parsing check', async () => {
  const { db } = await createTestDatabase();
  await appendTestEvents(db, 3);
  // Entries written by another version of the writer: same fields, other key order and spacing. The fast
  // check (the canonical text rebuilt from the columns) says no; the parsing check must still accept them.
  await sql`
    insert into audit_events (seq, occurred_at, actor_type, action, subject_type, subject_id, details, entry)
    select s, '2026-01-01T00:00:00.000Z'::timestamptz, 'system', 'organisation.unit_created', 'unit', s::text,
      '{"n": 2, "a": [1, {"b": null}]}'::jsonb,
      '{ "v": 1, "seq": ' || s || ', "unit": null, "subject": {"type": "unit", "id": "' || s || '"}, "state": null,
        "request": null, "details": {"n": 2, "a": [1, {"b": null}]}, "at": "2026-01-01T00:00:00.000Z",
        "actor": {"type": "system", "id": null}, "action": "organisation.unit_created" }'
    from generate_series(3, 9) as s`.execute(db);
  await sql`update audit_head set next_seq = 10`.execute(db);
  await integrateAuditLog({ db, signer, batchSize: 4 });
  const result = await verifyAuditLog({ db, verifiers });
  assert.equal(result.isIntact, true, JSON.stringify(result.problems));
  assert.equal(result.entries, 10);
  // And a column changed behind such an entry is still named.
  const tampered = await tamperAndVerify(db, (trx) =>
    sql`update audit_events set subject_id = 'x' where seq = 7`.execute(trx),
  );
  assert.deepEqual(
    tampered.problems.map((p) => [p.kind, p.index]),
    [['column_mismatch', 7]],
  );
});

test('a log of several batches: intact, then a change in a later batch named (prefetch, yields, worker)', async () => {
  const { db } = await createTestDatabase();
  await bulkInsertEvents(db, 8192 + 1500);
  await integrateAuditLog({ db, signer, batchSize: 4000 });
  const result = await verifyAuditLog({ db, verifiers });
  assert.equal(result.isIntact, true, JSON.stringify(result.problems));
  assert.equal(result.entries, 8192 + 1500);
  assert.equal(result.checkpoints, 3);
  const changed = await tamperAndVerify(db, async (trx) => {
    await sql`update audit_events set entry = replace(entry, '"id":"9001"', '"id":"9002"') where seq = 9001`.execute(
      trx,
    );
    await sql`update audit_events set subject_id = 'x' where seq = 9100`.execute(trx);
  });
  assert.deepEqual(
    changed.problems.map((p) => [p.kind, p.index ?? p.from]),
    [
      ['root_mismatch', 8000],
      ['modified_entry', 9001],
      ['column_mismatch', 9001],
      ['column_mismatch', 9100],
    ],
  );
  assert.equal(changed.firstBadIndex, 9001);
});
