// The signed result on the pages (issue 7 §2): the staff dossier page shows where the signatures stand with
// its links; the sealed PDF downloads for staff who may see the dossier, for the signed-in applicant and with
// the code + last 4 phone digits from the lookup page (one NOT_FOUND for a wrong phone, a wrong code and a
// result not sealed yet); the return at the counter records the receiver's identity paper and the officer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPdfLayout } from '../../src/lib/pdf/index.ts';
import { CITIZEN_SESSION_COOKIE } from '../../src/modules/citizen-identity/authenticate-citizen.ts';
import { findDossierByCode } from '../../src/modules/dossiers/dossier.repository.ts';
import { extendDeadline } from '../../src/modules/workflow/extend-deadline.ts';
import { referDossier } from '../../src/modules/workflow/refer-dossier.ts';
import { requestSlipSignature } from '../../src/modules/workflow/request-slip-signature.ts';
import { findWorkflow } from '../../src/modules/workflow/workflow.repository.ts';
import { returnTraces as onlineReturnTraces } from '../fixtures/online-return.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { assertRegisterView, dossierViews, registerViews } from '../helpers/read-events.ts';
import { setUpResultSigning } from './result-signing-setup.ts';

const r = await setUpResultSigning();
const { w, sealer } = r;
const { app, db, commune, province } = w;

let address = 0;
async function signedIn(role: 'receptionist' | 'leader' | 'clerk', unit = commune) {
  const staff = await makeStaff(db, { unit, role, fullName: `Trang ${role}` });
  const browser = new PageClient(app, `10.9.7.${++address}`);
  assert.equal((await browser.signIn(staff.username, staff.password)).statusCode, 303);
  return browser;
}

const reception = await signedIn('receptionist');
const stranger = await signedIn('leader', await makeUnit(db, { parent: province }));
const sealed = await r.sealedDossier();
const code = encodeURIComponent(sealed.code);
// The applicant's downloads return `sealed` online (9 → 10): the counter's return takes its own dossier.
const counter = await r.sealedDossier();
const counterCode = encodeURIComponent(counter.code);

const returnTraces = (dossierCode: string) => onlineReturnTraces(db, dossierCode);

test('the dossier page shows the sealed result with its request, download and verification links', async () => {
  const page = await reception.get(`/ho-so/${code}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ký số kết quả/);
  assert.match(page.body, /Đã ký và đóng dấu/);
  assert.match(page.body, new RegExp(`href="/trinh-ky/${sealed.requestId}"`));
  assert.match(page.body, new RegExp(`href="/xac-minh/${sealed.requestId}"`));
  const pdf = await reception.get(`/ho-so/${code}/ket-qua-da-ky.pdf`);
  assert.equal(pdf.statusCode, 200);
  // The sealed result names the applicant: the staff download is a `dossier.viewed` event (issue 4 §1),
  // from the dossier and from its signature request alike (view `signature-pdf`, the request's id).
  assert.equal((await dossierViews(db, sealed.code, 'signed-result')).length, 1);
  const requestPdf = await reception.get(`/trinh-ky/${sealed.requestId}/van-ban.pdf`);
  assert.equal(requestPdf.statusCode, 200);
  assert.deepEqual(
    (await dossierViews(db, sealed.code, 'signature-pdf')).map((e) => (e.details as { item?: string }).item),
    [sealed.requestId],
  );
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.deepEqual(
    readPdfLayout(new Uint8Array(pdf.rawPayload)).signatureFields.map((f) => f.isSigned),
    [true, true],
  );
  // The API's workflow state names the request and its state.
  const { token } = await w.staffWithToken('receptionist');
  const api = await app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/workflow`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(api.statusCode, 200, api.body);
  assert.deepEqual(api.json().resultSignature, { id: sealed.requestId, state: 'completed' });
  // Staff of another commune see nothing of it.
  assert.equal((await stranger.get(`/ho-so/${code}/ket-qua-da-ky.pdf`)).statusCode, 404);
  // A dossier still awaiting the leader shows the state and has no signed file yet.
  const waiting = await r.approvedForSigning();
  const waitingPage = await reception.get(`/ho-so/${encodeURIComponent(waiting.code)}`);
  assert.match(waitingPage.body, /Chờ lãnh đạo ký/);
  assert.equal(
    (await reception.get(`/ho-so/${encodeURIComponent(waiting.code)}/ket-qua-da-ky.pdf`)).statusCode,
    404,
  );
});

test('the applicant downloads it from the lookup with code + phone digits, or signed in; no enumeration', async () => {
  const visitor = new PageClient(app, '10.9.8.1');
  const form = await visitor.get('/tra-cuu');
  const csrf = PageClient.csrfFrom(form.body);
  const looked = await visitor.post('/tra-cuu', { _csrf: csrf, code: sealed.code, phone: '5678' });
  assert.equal(looked.statusCode, 200);
  assert.match(looked.body, /action="\/tra-cuu\/ket-qua.pdf"/);
  const download = await visitor.post('/tra-cuu/ket-qua.pdf', {
    _csrf: PageClient.csrfFrom(looked.body),
    code: sealed.code,
    phone: '5678',
  });
  assert.equal(download.statusCode, 200);
  assert.equal(download.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.match(String(download.headers['content-disposition']), /attachment; filename="ket-qua-/);
  // The first download is the return (9 → 10, online): the applicant received it, no officer handed it over.
  const returned = await returnTraces(sealed.code);
  assert.equal(returned.status, 10);
  assert.equal(returned.workflow?.returned_to, 'Trần Thị Nộp');
  assert.equal(returned.workflow?.returned_by_staff_id, null);
  assert.ok(returned.workflow?.returned_at);
  assert.equal(returned.events.length, 1);
  assert.equal(returned.events[0]?.actor_type, 'anonymous');
  assert.deepEqual(returned.events[0]?.details, { code: sealed.code, from: 9, to: 10, channel: 'online' });
  assert.ok(returned.notices.length >= 1);

  const waiting = await r.approvedForSigning();
  const notFound = await Promise.all(
    [
      { code: sealed.code, phone: '1111' },
      { code: 'XX-0000-000000', phone: '5678' },
      { code: waiting.code, phone: '5678' },
    ].map((body) => visitor.post('/tra-cuu/ket-qua.pdf', { _csrf: csrf, ...body })),
  );
  assert.deepEqual(
    notFound.map((n) => n.statusCode),
    [404, 404, 404],
  );
  // The lookup of a dossier not sealed yet offers no download.
  const early = await visitor.post('/tra-cuu', { _csrf: csrf, code: waiting.code, phone: '5678' });
  assert.doesNotMatch(early.body, /ket-qua.pdf/);

  const citizen = new PageClient(app, '10.9.8.2');
  citizen.cookies.set(CITIZEN_SESSION_COOKIE, await w.citizenSessionToken());
  const own = await citizen.get(`/tra-cuu?code=${code}`);
  assert.match(own.body, new RegExp(`href="/cong-dan/ho-so/${code}/ket-qua.pdf"`));
  const mine = await citizen.get(`/cong-dan/ho-so/${code}/ket-qua.pdf`);
  assert.equal(mine.statusCode, 200);
  // Later downloads record nothing more.
  const again = await returnTraces(sealed.code);
  assert.equal(again.events.length, 1);
  assert.equal(again.notices.length, returned.notices.length);
  assert.deepEqual(again.workflow?.returned_at, returned.workflow?.returned_at);
  const other = new PageClient(app, '10.9.8.3');
  other.cookies.set(CITIZEN_SESSION_COOKIE, await w.citizenSessionToken('001190099999'));
  assert.equal((await other.get(`/cong-dan/ho-so/${code}/ket-qua.pdf`)).statusCode, 404);
});

test('the signed-in applicant’s first download returns the result as them (9 → 10, online)', async () => {
  const online = await r.sealedDossier();
  const citizen = new PageClient(app, '10.9.8.4');
  citizen.cookies.set(CITIZEN_SESSION_COOKIE, await w.citizenSessionToken());
  const path = `/cong-dan/ho-so/${encodeURIComponent(online.code)}/ket-qua.pdf`;
  assert.equal((await citizen.get(path)).statusCode, 200);
  assert.equal((await citizen.get(path)).statusCode, 200);
  const traces = await returnTraces(online.code);
  assert.equal(traces.status, 10);
  assert.equal(traces.events.length, 1);
  assert.equal(traces.events[0]?.actor_type, 'citizen');
  assert.notEqual(traces.events[0]?.actor_id, null);
  const history = await db
    .selectFrom('dossier_work_events')
    .select(['action', 'note'])
    .where('dossier_id', '=', traces.workflow?.dossier_id ?? '')
    .where('action', '=', 'returnResult')
    .execute();
  assert.deepEqual(history, [{ action: 'returnResult', note: 'online' }]);
});

test('the signed-in applicant’s dossier list and page link the sealed result, not one still being signed', async () => {
  const waiting = await r.approvedForSigning();
  const citizen = new PageClient(app, '10.9.8.4');
  citizen.cookies.set(CITIZEN_SESSION_COOKIE, await w.citizenSessionToken());
  const list = await citizen.get('/cong-dan');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(`href="/cong-dan/ho-so/${code}/ket-qua.pdf"`), 'the list links the result');
  assert.ok(list.body.includes(waiting.code), 'the one being signed is listed');
  assert.ok(!list.body.includes(`/cong-dan/ho-so/${encodeURIComponent(waiting.code)}/ket-qua.pdf`));
  const page = await citizen.get(`/cong-dan/ho-so/${code}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(`href="/cong-dan/ho-so/${code}/ket-qua.pdf"`), 'the page links the result');
  assert.match(page.body, /Tải kết quả đã ký số \(PDF\)/);
  const early = await citizen.get(`/cong-dan/ho-so/${encodeURIComponent(waiting.code)}`);
  assert.equal(early.statusCode, 200);
  assert.doesNotMatch(early.body, /ket-qua\.pdf/);
  assert.equal((await citizen.get(`/cong-dan/ho-so/${code}/ket-qua.pdf`)).statusCode, 200);
});

test('the clerk lists the register of results (/so-ket-qua): number and symbol, summary, dossier; others may not', async () => {
  const clerk = await signedIn('clerk');
  const viewsBefore = (await registerViews(db, 'results')).length;
  const page = await clerk.get('/so-ket-qua');
  assert.equal(page.statusCode, 200, page.body);
  const entry = await db
    .selectFrom('result_register')
    .selectAll()
    .where('dossier_code', '=', sealed.code)
    .executeTakeFirstOrThrow();
  assert.ok(page.body.includes(`Số: ${entry.notation}`), 'the number and symbol');
  assert.ok(page.body.includes(sealed.code), 'the dossier');
  assert.match(page.body, /Sổ đăng ký văn bản kết quả/);
  const year = entry.year;
  assert.doesNotMatch((await clerk.get(`/so-ket-qua?nam=${year - 1}`)).body, new RegExp(entry.notation));
  assert.equal((await clerk.get('/so-ket-qua?nam=abc')).statusCode, 400);
  assert.equal((await reception.get('/so-ket-qua')).statusCode, 403);
  assert.equal((await stranger.get('/so-ket-qua')).statusCode, 403);
  // It names the applicants (issue 4 §1): each view shown is one `register.viewed` event with the year and
  // the codes listed, no names; the refused ones (bad year, no right) write nothing.
  const views = (await registerViews(db, 'results')).slice(viewsBefore);
  assert.equal(views.length, 2, 'this year and last year, nothing for the refused reads');
  const { id: clerkId } = await db
    .selectFrom('staff')
    .select('id')
    .where('full_name', '=', 'Trang clerk')
    .executeTakeFirstOrThrow();
  assertRegisterView(views[0], {
    staffId: clerkId,
    unitId: entry.unit_id,
    codes: [sealed.code],
    filter: { year },
    personal: [entry.applicant_name],
  });
  assertRegisterView(views[1], {
    staffId: clerkId,
    unitId: entry.unit_id,
    codes: [],
    filter: { year: year - 1 },
    count: 0,
    personal: [],
  });
});

test('the return at the counter records the receiver, the identity paper and the officer (9 → 10)', async () => {
  const page = await reception.get(`/ho-so/${counterCode}`);
  assert.match(page.body, /name="receiverIdentifier"/);
  const bad = await reception.post(`/ho-so/${counterCode}/xu-ly/return`, {
    _csrf: PageClient.csrfFrom(page.body),
    receivedBy: 'Trần Thị Nộp',
    receiverIdentifier: '12-34',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /6 đến 20 chữ cái hoặc chữ số/);
  assert.equal(await w.statusOf(counter.code), 9);
  // no return record before the return
  assert.equal((await reception.get(`/ho-so/${counterCode}/phieu/return`)).statusCode, 409);
  const returned = await reception.post(`/ho-so/${counterCode}/xu-ly/return`, {
    _csrf: PageClient.csrfFrom(page.body),
    receivedBy: 'Trần Thị Nộp',
    receiverIdentifier: '001190 012345',
  });
  assert.equal(returned.statusCode, 303);
  assert.equal(await w.statusOf(counter.code), 10);
  const dossier = await findDossierByCode(db, counter.code);
  const workflow = dossier ? await findWorkflow(db, dossier.id) : undefined;
  assert.equal(workflow?.returned_to, 'Trần Thị Nộp');
  assert.equal(workflow?.returned_to_identifier, '001190012345');
  assert.notEqual(workflow?.returned_by_staff_id, null);
  const after = await reception.get(`/ho-so/${counterCode}`);
  assert.match(after.body, /Giấy tờ người nhận: 001190012345; cán bộ trả kết quả: Trang receptionist/);
  // The printable return record (page and PDF): receiver, identity paper, time, officer, two signature lines.
  assert.match(after.body, new RegExp(`href="/ho-so/${counterCode}/phieu/return.pdf"`));
  const record = await reception.get(`/ho-so/${counterCode}/phieu/return`);
  assert.equal(record.statusCode, 200, record.body);
  for (const expected of [
    /BIÊN BẢN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/,
    /Người nhận kết quả: Trần Thị Nộp/,
    /Số giấy tờ tùy thân: 001190012345/,
    /Cán bộ trả kết quả: Trang receptionist/,
    /NGƯỜI NHẬN KẾT QUẢ/,
    /CÁN BỘ TRẢ KẾT QUẢ/,
    /Kết quả: [^<]*, số \d{2,}\//,
  ]) {
    assert.match(record.body, expected);
  }
  const recordPdf = await reception.get(`/ho-so/${counterCode}/phieu/return.pdf`);
  assert.equal(recordPdf.statusCode, 200);
  assert.equal(recordPdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  // The sealed result stays downloadable after the return; the clerk who sealed is recorded on the request.
  assert.equal((await reception.get(`/ho-so/${counterCode}/ket-qua-da-ky.pdf`)).statusCode, 200);
  const request = await db
    .selectFrom('signature_requests')
    .select('sealed_by_staff_id')
    .where('id', '=', counter.requestId)
    .executeTakeFirst();
  assert.equal(request?.sealed_by_staff_id, sealer.id);
});

test('the referral slip and BM.04 go to the head’s signature and the seal; the slip PDF is then the signed one', async () => {
  const referred = await w.dossierIn(2);
  await referDossier({
    ...w.common(referred),
    actor: w.actors.receptionist,
    authority: 'Sở Tư pháp tỉnh',
    address: '1 đường Lớn',
    documents: ['Tờ khai'],
  });
  const path = `/ho-so/${encodeURIComponent(referred)}`;
  const page = await reception.get(path);
  assert.match(page.body, new RegExp(`action="${path}/phieu/referral/trinh-ky"`));
  // Staff of another commune: nothing to see; the right staff: sent, then not twice.
  const strangerPage = await stranger.get('/workspace');
  const denied = await stranger.post(`${path}/phieu/referral/trinh-ky`, {
    _csrf: PageClient.csrfFrom(strangerPage.body),
  });
  assert.equal(denied.statusCode, 404);
  const sent = await reception.post(`${path}/phieu/referral/trinh-ky`, {
    _csrf: PageClient.csrfFrom(page.body),
  });
  assert.equal(sent.statusCode, 303);
  const requestId = /\/trinh-ky\/([0-9a-f-]{36})$/.exec(String(sent.headers.location))?.[1] ?? '';
  assert.ok(requestId);
  const again = await reception.post(`${path}/phieu/referral/trinh-ky`, {
    _csrf: PageClient.csrfFrom(page.body),
  });
  assert.equal(again.statusCode, 409);
  const unsigned = await reception.get(`${path}/phieu/referral.pdf`);
  assert.deepEqual(readPdfLayout(new Uint8Array(unsigned.rawPayload)).signatureFields, []);
  await r.sign(requestId);
  await r.seal(requestId);
  const slip = await reception.get(`${path}/phieu/referral.pdf`);
  assert.deepEqual(
    readPdfLayout(new Uint8Array(slip.rawPayload)).signatureFields.map((f) => f.isSigned),
    [true, true],
  );
  assert.match((await reception.get(path)).body, /Đã ký và đóng dấu/);

  // BM.04 needs the right to extend: a specialist may not send it, a leader may.
  const extended = await w.dossierIn(4);
  await extendDeadline({ ...w.common(extended), actor: w.actors.leader, days: 1, reason: 'Xác minh' });
  const slipOptions = { db, blobStore: w.blobStore, requestId: null, code: extended, form: 'bm04' as const };
  await assert.rejects(
    requestSlipSignature({ ...slipOptions, actor: w.actors.specialist, publicUrl: w.config.publicUrl }),
    { code: 'FORBIDDEN' },
  );
  const bm04 = await requestSlipSignature({
    ...slipOptions,
    actor: w.actors.leader,
    publicUrl: w.config.publicUrl,
  });
  assert.equal(bm04.subject_type, 'extension-slip');
  assert.equal(bm04.signer_staff_id, r.signer.id);
});
