// Staff reads of a citizen's dossier are audit events (issue 4 §1): opening the dossier page, its receipt,
// the receipt PDF or a scan appends exactly one `dossier.viewed` with the viewer; a refused view and a citizen's
// own lookup append none, and the event carries no personal data.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { citizenCookie, minimalPdf, setUpDossierTests } from './dossier-setup.ts';

const { app, db, commune, staffWithToken, receiveThroughApi } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
const specialist = await staffWithToken('specialist');

const { code, id } = await receiveThroughApi(receptionist.token, '0912345678');

const get = (url: string, token: string) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

const views = () =>
  db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'dossier.viewed')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();

test('each staff view of the dossier page, receipt or receipt PDF appends one event with the viewer', async () => {
  const cases = [
    { url: `/ho-so/${code}`, staff: specialist, view: 'page' },
    { url: `/ho-so/${code}/bien-nhan`, staff: receptionist, view: 'receipt' },
    { url: `/ho-so/${code}/bien-nhan.pdf`, staff: specialist, view: 'receipt-pdf' },
  ];
  for (const { url, staff, view } of cases) {
    const before = (await views()).length;
    const response = await get(url, staff.token);
    assert.equal(response.statusCode, 200, response.body);
    const after = await views();
    assert.equal(after.length, before + 1, url);
    const event = after.at(-1);
    assert.ok(event);
    assert.equal(event.actor_type, 'staff');
    assert.equal(event.actor_id, staff.id);
    assert.equal(event.unit_id, commune.id);
    assert.equal(event.subject_type, 'dossier');
    assert.deepEqual(event.details, { code, view });
    assert.equal(event.state_digest, null);
    assert.ok(event.request_id);
    // A read: the event holds no personal data of the applicant.
    for (const personal of ['Trần Thị Nộp', '001190012345', '0912345678', 'nop@example.vn']) {
      assert.ok(!event.entry.includes(personal), personal);
    }
  }
});

test('a refused view (no right on the unit, unknown code) and the public lookup append no event', async () => {
  // An auditor has no dossier right (clerks now take part in processing, issue 7).
  const outsider = await staffWithToken('auditor');
  const before = await db
    .selectFrom('audit_events')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  for (const url of [`/ho-so/${code}`, `/ho-so/${code}/bien-nhan`, `/ho-so/${code}/bien-nhan.pdf`]) {
    assert.equal((await get(url, outsider.token)).statusCode, 404, url);
  }
  assert.equal((await get('/ho-so/NOPE-260101-0001', specialist.token)).statusCode, 404);
  const lookup = await app.inject({ method: 'GET', url: `/api/v1/lookup/${code}?phone=5678` });
  assert.equal(lookup.statusCode, 200, lookup.body);
  const after = await db
    .selectFrom('audit_events')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
});

test("a staff view of a scan appends one event naming the file; the owner's own view and refused ones none", async () => {
  const sha256 = createHash('sha256').update(minimalPdf()).digest('hex');
  const before = (await views()).length;
  const response = await get(`/ho-so/${code}/tep/${sha256}`, specialist.token);
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.rawPayload, minimalPdf());
  const after = await views();
  assert.equal(after.length, before + 1);
  const event = after.at(-1);
  assert.ok(event);
  assert.equal(event.actor_id, specialist.id);
  assert.equal(event.unit_id, commune.id);
  assert.deepEqual(event.details, { code, view: 'scan', file: sha256 });
  assert.equal(event.state_digest, null);
  assert.ok(event.request_id);

  // Refused: no right on the unit, a file this dossier does not list, a malformed hash.
  const outsider = await staffWithToken('auditor');
  assert.equal((await get(`/ho-so/${code}/tep/${sha256}`, outsider.token)).statusCode, 404);
  assert.equal((await get(`/ho-so/${code}/tep/${'0'.repeat(64)}`, specialist.token)).statusCode, 404);
  assert.equal((await get(`/ho-so/${code}/tep/not-a-hash`, specialist.token)).statusCode, 404);
  // The applicant, signed in, opens their own scan: served, and not logged as someone else's read.
  const owner = await app.inject({
    method: 'GET',
    url: `/cong-dan/ho-so/${code}/tep/${sha256}`,
    headers: { cookie: await citizenCookie(db, '001190012345') },
  });
  assert.equal(owner.statusCode, 200, owner.body);
  assert.equal((await views()).length, before + 1);
});
