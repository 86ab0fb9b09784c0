// Group commit of intakes (insert-dossiers.ts, platform/db/statement-batcher.ts), on the real engine: intakes
// arriving together share statements, yet each dossier gets exactly its own first status, messages and
// audit event; a dossier the database refuses in a shared statement fails alone.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { PENDING_SEQ, pendingAuditRow } from '../../src/modules/audit-log/append-audit-event.ts';
import { type DossierRow, insertDossier } from '../../src/modules/dossiers/insert-dossiers.ts';
import { dossierRow } from '../helpers/factories.ts';
import { logStatements } from '../helpers/statement-log.ts';
import { applicantJson, setUpDossierTests } from './dossier-setup.ts';

const setup = await setUpDossierTests();
const { db, statements } = logStatements(setup.db);

test('twelve intakes at once share statements; each dossier has its own status, messages and event', async () => {
  const COUNT = 12;
  const phone = (i: number) => `09123400${String(i).padStart(2, '0')}`;
  const inserts = Array.from({ length: COUNT }, (_, i) => {
    const dossier = row(`GC-${randomUUID().slice(0, 8)}-${i}`, {
      ...applicantJson(phone(i)),
      email: `a${i}@example.vn`,
    });
    return {
      row: dossier,
      audit: pendingAuditRow({
        actor: { type: 'system', id: null },
        action: 'dossier.received',
        unitId: setup.commune.id,
        subjectType: 'dossier',
        subjectId: dossier.id,
        requestId: null,
        details: { code: dossier.code },
      }),
    };
  });
  // Submitted in one tick: the first goes at once, alone; the eleven others wait for it and share the next.
  statements.length = 0;
  await Promise.all(inserts.map((insert) => insertDossier(db, insert)));
  assert.deepEqual(statements, ['dossier-insert', 'dossier-insert']);
  const received = inserts.map((i) => ({ id: i.row.id, code: i.row.code }));
  const ids = received.map((r) => r.id);
  const rows = await setup.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'status', 'applicant_phone_digits'])
    .where('id', 'in', ids)
    .execute();
  assert.equal(rows.length, COUNT);
  for (const [i, r] of received.entries()) {
    const row = rows.find((x) => x.id === r.id);
    assert.equal(row?.code, r.code);
    assert.equal(row?.applicant_phone_digits, phone(i), 'its own applicant');
  }
  const statuses = await setup.db
    .selectFrom('dossier_status_events')
    .select(['dossier_id', 'status'])
    .where('dossier_id', 'in', ids)
    .execute();
  assert.deepEqual(statuses.map((s) => s.dossier_id).sort(), [...ids].sort(), 'one first status each');
  assert.ok(statuses.every((s) => s.status === 2));
  const messages = await setup.db
    .selectFrom('notification_outbox')
    .select(['dossier_id', 'channel', 'recipient', 'kind', 'payload'])
    .where('dossier_id', 'in', ids)
    .execute();
  assert.equal(messages.length, COUNT * 2, 'an e-mail and an SMS each');
  for (const [i, r] of received.entries()) {
    const own = messages.filter((m) => m.dossier_id === r.id);
    assert.deepEqual(own.map((m) => m.recipient).sort(), [phone(i), `a${i}@example.vn`]);
    assert.ok(own.every((m) => m.kind === 'received' && (m.payload as { code: string }).code === r.code));
  }
  const events = await setup.db
    .selectFrom('audit_events')
    .select(['subject_id', 'action', 'details', 'entry'])
    .where('subject_id', 'in', ids)
    .execute();
  assert.equal(events.length, COUNT, 'one event each');
  for (const r of received) {
    const event = events.find((e) => e.subject_id === r.id);
    assert.ok(event);
    assert.equal(event.action, 'dossier.received');
    assert.equal((event.details as { code: string }).code, r.code);
    assert.equal(event.entry.split(PENDING_SEQ).length, 2, 'pending, with its one seq slot');
  }
});

/** A dossier row of the test commune, under `code`. */
function row(code: string, applicant = applicantJson()): DossierRow {
  return dossierRow({ unitId: setup.commune.id, code, applicant });
}

test('a dossier the database refuses in a shared statement fails alone; the others commit with their events', async () => {
  const taken = row(`GC-${randomUUID().slice(0, 8)}-0001`);
  await insertDossier(setup.db, { row: taken });
  const inserts = [row('GC-A'), row('GC-B'), row(taken.code), row('GC-C'), row('GC-D')].map((r) => ({
    row: { ...r, code: r.code === taken.code ? r.code : `${r.code}-${randomUUID().slice(0, 8)}` },
    audit: pendingAuditRow({
      actor: { type: 'system', id: null },
      action: 'dossier.received',
      unitId: setup.commune.id,
      subjectType: 'dossier',
      subjectId: r.id,
      requestId: null,
    }),
  }));
  // All submitted in one tick: the first goes at once, the four others wait for it and share one statement.
  statements.length = 0;
  const outcomes = await Promise.all(
    inserts.map((insert) =>
      insertDossier(db, insert).then(
        () => 'committed',
        (error: { code?: string }) => error.code,
      ),
    ),
  );
  assert.deepEqual(outcomes, ['committed', 'committed', '23505', 'committed', 'committed']);
  // The first alone, the shared one (refused), then its four dossiers again one by one.
  assert.deepEqual(statements, Array(6).fill('dossier-insert'));
  const kept = await setup.db
    .selectFrom('dossiers')
    .select('id')
    .where(
      'id',
      'in',
      inserts.map((i) => i.row.id),
    )
    .execute();
  assert.equal(kept.length, 4);
  assert.ok(!kept.some((k) => k.id === inserts[2]?.row.id), 'the refused one left nothing');
  const events = await setup.db
    .selectFrom('audit_events')
    .select('subject_id')
    .where(
      'subject_id',
      'in',
      inserts.map((i) => i.row.id),
    )
    .execute();
  assert.deepEqual(
    events.map((e) => e.subject_id).sort(),
    kept.map((k) => k.id).sort(),
    'an event for each committed dossier, none for the refused one',
  );
});
