// The auditor's export (issue 4 §6): ALL events the auditor may read, streamed page by page as JSON Lines or
// CSV, past any page size; refused to staff without `audit.read`, and scoped to the auditor's units.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bulkInsertEvents } from '../../test/fixtures/tlog/audit-events.ts';
import { makeStaff, makeUnit } from '../../test/helpers/factories.ts';
import { PageClient } from '../../test/helpers/http.ts';
import { createTestApp, testConfig } from '../../test/helpers/test-app.ts';
import { appendAuditEvent } from '../modules/audit-log/append-audit-event.ts';
import { csvField } from '../modules/audit-log/export-audit-events.ts';
import { sequenceAuditEvents } from '../modules/audit-log/sequence-audit-events.ts';

const config = testConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'xaso-audit-export-')) });
const { app, db } = await createTestApp({ config });
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const elsewhere = await makeUnit(db);
const auditor = await makeStaff(db, { unit: province, role: 'auditor' });
const communeAuditor = await makeStaff(db, { unit: commune, role: 'auditor' });
const specialist = await makeStaff(db, { unit: province, role: 'specialist' });
// 2,500 system-wide events: more than two pages of the export.
await bulkInsertEvents(db, 2500);
for (const unit of [commune, elsewhere]) {
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      actor: { type: 'system', id: null },
      action: 'organisation.unit_created',
      unitId: unit.id,
      subjectType: 'unit',
      subjectId: unit.id,
      requestId: randomUUID(),
      details: { note: 'a "quoted", comma\'d value' },
    }),
  );
}
await sequenceAuditEvents(db);

async function signedIn(username: string, password: string): Promise<PageClient> {
  const client = new PageClient(app, `10.55.0.${Math.floor(Math.random() * 200) + 1}`);
  assert.equal((await client.signIn(username, password)).statusCode, 303);
  return client;
}

/** The events a reader of `paths` (and of system-wide events when `hasRoot`) may see, in log order. */
async function visible(paths: string[], hasRoot: boolean): Promise<{ seq: number; entry: string }[]> {
  const rows = await db
    .selectFrom('audit_events')
    .leftJoin('units', 'units.id', 'audit_events.unit_id')
    .select(['audit_events.seq', 'audit_events.entry', 'units.path'])
    .where('audit_events.seq', 'is not', null)
    .orderBy('audit_events.seq')
    .execute();
  return rows
    .filter((r) => (r.path === null ? hasRoot : paths.some((p) => (r.path as string).startsWith(p))))
    .map((r) => ({ seq: Number(r.seq), entry: r.entry }));
}

test('JSON Lines: every readable entry, byte for byte, in log order, past the page size', async () => {
  const client = await signedIn(auditor.username, auditor.password);
  const response = await client.get('/audit/export');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /application\/x-ndjson/);
  assert.match(
    String(response.headers['content-disposition']),
    /attachment; filename="xaso-audit-from-0\.jsonl"/,
  );
  const expected = await visible([province.path], true);
  assert.ok(expected.length > 2500);
  assert.equal(response.body, expected.map((e) => `${e.entry}\n`).join(''));
  assert.ok(!response.body.includes(elsewhere.id), 'another province is not exported');
  const from = await client.get('/audit/export?from=2000');
  assert.equal(from.body.split('\n').filter(Boolean).length, expected.filter((e) => e.seq >= 2000).length);
});

test('CSV: a header, one row per readable event, fields quoted per RFC 4180, scoped to the unit', async () => {
  const client = await signedIn(communeAuditor.username, communeAuditor.password);
  const response = await client.get('/audit/export?format=csv');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /text\/csv/);
  const lines = response.body.split('\r\n').filter(Boolean);
  assert.equal(
    lines[0],
    'seq,occurred_at,actor_type,actor_id,unit_id,action,subject_type,subject_id,request_id,state_digest,entry',
  );
  // A commune auditor reads only the commune's events: no system-wide ones.
  const expected = await visible([commune.path], false);
  assert.equal(lines.length - 1, expected.length);
  const row = lines[1] ?? '';
  assert.ok(row.startsWith(`${expected[0]?.seq},`));
  assert.ok(row.endsWith(csvField(expected[0]?.entry)));
  // The last event's details hold quotes and a comma: doubled quotes inside a quoted field.
  assert.ok((lines.at(-1) ?? '').includes('\\""quoted\\"", comma'));
});

test('staff without audit.read are refused both formats; a signed-out visitor is sent to sign in', async () => {
  const client = await signedIn(specialist.username, specialist.password);
  assert.equal((await client.get('/audit/export')).statusCode, 403);
  assert.equal((await client.get('/audit/export?format=csv')).statusCode, 403);
  const anonymous = await app.inject({ method: 'GET', url: '/audit/export' });
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/sign-in/);
});

test('CSV fields: quoting and formula neutralising', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField('-1'), "'-1");
  assert.equal(csvField(null), '');
  assert.equal(csvField(new Date('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000Z');
});
