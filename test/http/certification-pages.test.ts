// The certification pages over HTTP (issue 7 §3): every page and action denied without the right and
// allowed with it, form problems answered 4xx with the form again, the certified PDF to the unit's staff at
// any stage and to the owner citizen only once signed and sealed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { computeUnitDueDate } from '../../src/modules/calendar/compute-unit-due-date.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { formatVietnamTime } from '../../src/web/pages/dossier-format.ts';
import {
  adoptCertificationProcedures,
  receiveCertificationDossier,
  signAndSeal,
} from '../fixtures/certification.ts';
import { returnTraces } from '../fixtures/online-return.ts';
import { makePerson, otpClock } from '../fixtures/signature-requests.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { type FormPart, postMultipart } from '../helpers/multipart.ts';
import { assertRegisterView, dossierViews, registerViews } from '../helpers/read-events.ts';
import { applicantJson, citizenCookie, minimalPdf, setUpDossierTests } from './dossier-setup.ts';

const base = await setUpDossierTests();
const { app, db, config, province, commune, dataDir } = base;
await adoptCertificationProcedures(db, province, commune);
const blobStore = createFileSystemBlobStore(join(dataDir, 'blobs'));
const kek = config.secrets.keyEncryption;
const officer = await makePerson(db, kek, commune, 'specialist', 'Trần Văn Tư Pháp');
const chairman = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Chủ Tịch');
const clerk = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Văn Thư');
const receptionist = await makePerson(db, kek, commune, 'receptionist', 'Phạm Thị Tiếp Nhận');
const stranger = await makeStaff(db, { unit: await makeUnit(db, { parent: province }), role: 'specialist' });

async function client(person: { username: string; password: string }): Promise<PageClient> {
  const c = new PageClient(app, `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const response = await c.signIn(person.username, person.password);
  assert.equal(response.statusCode, 303, response.body);
  return c;
}

const receive = (procedureCode = '2.000815') =>
  receiveCertificationDossier(db, blobStore, receptionist.actor, commune, procedureCode);

const pdfPart = { filename: 'ban-chinh.pdf', type: 'application/pdf', bytes: minimalPdf() };

/** Posts the certify form with the session's CSRF token (from the sign-out form of every page). */
async function certify(c: PageClient, code: string, fields: Record<string, FormPart> = {}) {
  const csrf = PageClient.csrfFrom((await c.get('/workspace')).body);
  return postMultipart(c, `/ho-so/${code}/chung-thuc`, {
    _csrf: csrf,
    original: pdfPart,
    paperTitle: 'Bằng tốt nghiệp',
    copies: '3',
    signer: chairman.id,
    ...fields,
  });
}

test('the register: read by the staff of the commune, refused to another commune, a bad month is a 400', async () => {
  const own = await client(receptionist);
  const page = await own.get('/chung-thuc?loai=chu-ky');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chứng thực chữ ký \(SCT\/CK,ĐC\)/);
  const bad = await own.get('/chung-thuc?thang=2026-13');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  const other = await client(stranger);
  const viewsBefore = (await registerViews(db, 'certifications')).length;
  assert.equal((await other.get(`/chung-thuc?unit=${commune.id}`)).statusCode, 403);
  assert.equal(
    (await registerViews(db, 'certifications')).length,
    viewsBefore,
    'a refused read writes nothing',
  );
  assert.equal((await other.get('/chung-thuc')).statusCode, 200, 'their own commune’s register');
});

test('certify: the officer only; a form problem is a 400 with the form; the number in the register', async () => {
  const code = await receive();
  const desk = await client(officer);
  const form = await desk.get(`/ho-so/${code}/chung-thuc`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Ghi lời chứng và trình ký/);
  // Without the right: the receptionist sees the page without the form and cannot post it.
  const reception = await client(receptionist);
  const seen = await reception.get(`/ho-so/${code}/chung-thuc`);
  assert.equal(seen.statusCode, 200);
  assert.doesNotMatch(seen.body, /Ghi lời chứng và trình ký/);
  assert.equal((await certify(reception, code)).statusCode, 403);
  // Another commune's officer does not even see the dossier.
  const other = await client(stranger);
  assert.equal((await other.get(`/ho-so/${code}/chung-thuc`)).statusCode, 404);
  assert.equal((await certify(other, code)).statusCode, 404);
  // No CSRF token: refused.
  const noCsrf = await postMultipart(desk, `/ho-so/${code}/chung-thuc`, {
    original: pdfPart,
    paperTitle: 'X',
  });
  assert.equal(noCsrf.statusCode, 403);
  // Form problems.
  const missing = await certify(desk, code, { paperTitle: '', copies: 'abc' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /error-summary/);
  assert.match(missing.body, /Số bản sao từ 1 đến 100/);
  const notPdf = await certify(desk, code, {
    original: { filename: 'a.txt', type: 'text/plain', bytes: Buffer.from('hello') },
  });
  assert.equal(notPdf.statusCode, 415);
  assert.equal((await db.selectFrom('certifications').select('id').execute()).length, 0);
  // With the right.
  const done = await certify(desk, code);
  assert.equal(done.statusCode, 303, done.body);
  const number = decodeURIComponent(/so=([^&]+)/.exec(String(done.headers.location))?.[1] ?? '');
  assert.match(number, /^1\/1\/\d{4}\/SCT\/BS$/);
  const viewsBefore = (await registerViews(db, 'certifications')).length;
  const register = await reception.get('/chung-thuc');
  assert.ok(register.body.includes(number));
  // It names the requester (issue 4 §1): one `register.viewed` with the type, the month and the code, no name.
  const [view, ...more] = (await registerViews(db, 'certifications')).slice(viewsBefore);
  assert.equal(more.length, 0);
  const entry = await db
    .selectFrom('certifications')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  const { filter } = assertRegisterView(view, {
    staffId: receptionist.id,
    unitId: commune.id,
    codes: [code],
    count: 1,
    personal: [entry.requester_name],
  });
  assert.equal(filter.kind, 'copy');
  assert.match(String(filter.month), /^\d{4}-\d{2}$/);
  assert.match(register.body, /Bằng tốt nghiệp/);
  assert.match(register.body, /6\.000/, 'fee: 3 copies of a one-page paper');
  // A dossier of another procedure has no form, and its post is an illegal state.
  const plain = await base.receiveThroughApi((await base.staffWithToken('receptionist')).token);
  const plainPage = await desk.get(`/ho-so/${plain.code}/chung-thuc`);
  assert.match(plainPage.body, /không thuộc thủ tục chứng thực/);
  assert.doesNotMatch(plainPage.body, /Ghi lời chứng và trình ký/);
  assert.equal((await certify(desk, plain.code)).statusCode, 409);
});

test('the certified PDF: staff of the unit at any stage, the owner citizen once sealed, nobody else', async () => {
  const code = await receive('2.000884');
  const desk = await client(officer);
  const done = await certify(desk, code, { paperTitle: 'Giấy ủy quyền' });
  assert.equal(done.statusCode, 303, done.body);
  const row = await db
    .selectFrom('certifications')
    .selectAll()
    .where('paper_title', '=', 'Giấy ủy quyền')
    .executeTakeFirstOrThrow();
  const staffUrl = `/ho-so/${code}/chung-thuc/${row.id}.pdf`;
  const citizenUrl = `/cong-dan/ho-so/${code}/chung-thuc/${row.id}.pdf`;
  const prepared = await desk.get(staffUrl);
  assert.equal(prepared.statusCode, 200);
  assert.equal(prepared.headers['content-type'], 'application/pdf');
  assert.equal((await (await client(stranger)).get(staffUrl)).statusCode, 404);
  // Staff reads are `dossier.viewed` events (issue 4 §1): the certify page and the PDF (which one, by id);
  // the stranger's refused read wrote nothing.
  assert.deepEqual(
    (await dossierViews(db, code, 'certified-pdf')).map((e) => [
      e.actor_id,
      (e.details as { item?: string }).item,
    ]),
    [[officer.id, row.id]],
  );
  assert.equal((await desk.get(`/trinh-ky/${row.signature_request_id}/van-ban.pdf`)).statusCode, 200);
  assert.deepEqual(
    (await dossierViews(db, code, 'signature-pdf')).map((e) => (e.details as { item?: string }).item),
    [row.signature_request_id],
    'the certified copy through its signature request is a read of the dossier too',
  );
  assert.equal((await desk.get(`/ho-so/${code}/chung-thuc`)).statusCode, 200);
  assert.deepEqual(
    (await dossierViews(db, code, 'certifications')).map((e) => e.actor_id),
    [officer.id],
  );
  const owner = await citizenCookie(db, applicantJson().personalIdentifier);
  const asOwner = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: owner } });
  assert.equal((await asOwner(citizenUrl)).statusCode, 404, 'not sealed yet');

  await signAndSeal(db, blobStore, {
    kek,
    chairman,
    clerk,
    requestId: row.signature_request_id,
    publicUrl: config.publicUrl,
    tick: otpClock(),
  });
  const signed = await asOwner(citizenUrl);
  assert.equal(signed.statusCode, 200);
  assert.equal(signed.headers['content-type'], 'application/pdf');
  // The owner's first download is the return (9 → 10, online), recorded once.
  assert.equal((await asOwner(citizenUrl)).statusCode, 200);
  const traces = await returnTraces(db, code);
  assert.equal(traces.status, 10);
  const outcome = traces.workflow?.outcome;
  assert.ok(outcome === 'early' || outcome === 'on_time', String(outcome));
  assert.ok(traces.workflow?.finished_at && traces.workflow.returned_at);
  assert.equal(traces.workflow.returned_by_staff_id, null);
  assert.deepEqual(
    traces.events.map((e) => [e.actor_type, e.details]),
    [['citizen', { code, from: 9, to: 10, channel: 'online' }]],
  );
  assert.ok(traces.notices.length >= 1);
  // The statistics count it: received, finished early or on time, returned.
  const desk2 = await client(receptionist);
  const csv = await desk2.get(`/thong-ke.csv?unit=${commune.id}&procedure=2.000884`);
  assert.equal(csv.statusCode, 200);
  const line = csv.body.split('\r\n').find((l) => l.includes(',2.000884,'));
  // The nine counts and the rate end the line (the procedure's name is quoted and has commas).
  const numbers = (line ?? '').split(',').slice(-10).map(Number);
  const [received, , , early, onTime, late, returned] = numbers;
  assert.deepEqual([received, (early ?? 0) + (onTime ?? 0), late, returned], [1, 1, 0, 1], line);
  const list = await asOwner(`/cong-dan/ho-so/${code}/chung-thuc`);
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(row.number));
  const dossierPage = await asOwner(`/cong-dan/ho-so/${code}`);
  assert.match(dossierPage.body, /Tải bản chứng thực điện tử/);
  const someoneElse = await citizenCookie(db, '001190099999');
  const foreign = await app.inject({ method: 'GET', url: citizenUrl, headers: { cookie: someoneElse } });
  assert.equal(foreign.statusCode, 404);
  const foreignList = await app.inject({
    method: 'GET',
    url: `/cong-dan/ho-so/${code}/chung-thuc`,
    headers: { cookie: someoneElse },
  });
  assert.equal(foreignList.statusCode, 404);
  const anonymous = await app.inject({ method: 'GET', url: citizenUrl });
  assert.notEqual(anonymous.statusCode, 200);
});

test('the extension: the officer only, 1 or 2 working days with its ground and reason, once, the new date shown', async () => {
  const code = await receive();
  const path = `/ho-so/${code}/chung-thuc/gia-han`;
  const desk = await client(officer);
  const page = await desk.get(`/ho-so/${code}/chung-thuc`);
  assert.match(page.body, new RegExp(`action="${path}"`));
  const csrf = PageClient.csrfFrom(page.body);
  const fields = { days: '2', ground: 'manyPapers', reason: '12 giấy tờ một lần' };
  // Denied without the right: another commune's officer does not see the dossier, the receptionist may not.
  const strangerClient = await client(stranger);
  const strangerCsrf = PageClient.csrfFrom((await strangerClient.get('/workspace')).body);
  assert.equal((await strangerClient.post(path, { _csrf: strangerCsrf, ...fields })).statusCode, 404);
  const front = await client(receptionist);
  const frontCsrf = PageClient.csrfFrom((await front.get('/workspace')).body);
  assert.equal((await front.post(path, { _csrf: frontCsrf, ...fields })).statusCode, 403);
  // Bad input: the form again with its problems.
  const tooLong = await desk.post(path, { _csrf: csrf, ...fields, days: '3' });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /Gia hạn 1 hoặc 2 ngày làm việc/);
  const noReason = await desk.post(path, { _csrf: csrf, ...fields, reason: ' ' });
  assert.equal(noReason.statusCode, 400);
  const before = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  assert.ok(before.due_at);
  // Allowed with it: the calendar engine's date two working days on, the event, the citizen's message.
  const done = await desk.post(path, { _csrf: csrf, ...fields });
  assert.equal(done.statusCode, 303, done.body);
  const after = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', before.id)
    .executeTakeFirstOrThrow();
  const expected = await computeUnitDueDate({
    db,
    unitId: before.unit_id,
    rule: { kind: 'sameDay', cutoff: { kind: 'time', after: '15:00' } },
    receivedAt: before.received_at,
    extension: { workingDays: 2 },
  });
  assert.deepEqual(after.due_at, expected.dueAt);
  assert.ok((after.due_at?.getTime() ?? 0) > before.due_at.getTime());
  const workflow = await db
    .selectFrom('dossier_workflows')
    .select(['extension_days', 'extension_reason'])
    .where('dossier_id', '=', before.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(workflow, {
    extension_days: 2,
    extension_reason: 'Nhiều giấy tờ, văn bản cần chứng thực: 12 giấy tờ một lần',
  });
  const events = await db
    .selectFrom('audit_events')
    .select(['actor_type', 'details'])
    .where('subject_id', '=', before.id)
    .where('action', '=', 'certification.extended')
    .execute();
  assert.equal(events.length, 1);
  assert.equal((events[0]?.details as { days?: number } | undefined)?.days, 2);
  const late = await db
    .selectFrom('notification_outbox')
    .select('payload')
    .where('dossier_id', '=', before.id)
    .where('kind', '=', 'late')
    .execute();
  assert.ok(late.length >= 1);
  assert.equal(late[0]?.payload.newDueAt, expected.dueAt.toISOString());
  // Shown to the officer and on the citizen's lookup.
  const shown = await desk.get(`/ho-so/${code}/chung-thuc?gia_han=1`);
  assert.ok(shown.body.includes(formatVietnamTime(expected.dueAt)));
  const owner = await citizenCookie(db, applicantJson().personalIdentifier);
  const lookup = await app.inject({
    method: 'GET',
    url: `/tra-cuu?code=${code}`,
    headers: { cookie: owner },
  });
  assert.equal(lookup.statusCode, 200);
  assert.ok(lookup.body.includes(formatVietnamTime(expected.dueAt)), 'the lookup shows the new date');
  // Once only.
  const again = await desk.post(path, { _csrf: csrf, ...fields, days: '1' });
  assert.equal(again.statusCode, 409);
});
