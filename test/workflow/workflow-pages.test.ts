// The processing pages without JavaScript (issue 7 §1, §4, §5): the actions on the staff dossier page as
// plain form posts (CSRF-checked), errors shown with the form, the printable forms in HTML and PDF, the
// queue page, the result file, and the citizen's supplement page with its upload: the due date moves and
// the lookup and receipt show it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CITIZEN_SESSION_COOKIE } from '../../src/modules/citizen-identity/authenticate-citizen.ts';
import { loadDossierWork } from '../../src/modules/workflow/load-dossier-work.ts';
import { makeStaff } from '../helpers/factories.ts';
import { multipartForm, PageClient } from '../helpers/http.ts';
import { assertRegisterView, dossierViews, registerViews } from '../helpers/read-events.ts';
import { minimalPdf } from '../http/dossier-setup.ts';
import { setUpWorkflowTests } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const { app, db, commune, actors } = w;

let address = 0;
async function signedIn(role: 'receptionist' | 'specialist' | 'leader') {
  // the receptionist is the one who received w.receive's dossiers: only the holder hands a dossier over
  const staff =
    role === 'receptionist'
      ? { ...w.receptionistLogin, id: w.actors.receptionist.staffId }
      : await makeStaff(db, { unit: commune, role, fullName: `Trang ${role}` });
  const browser = new PageClient(app, `10.9.0.${++address}`);
  assert.equal((await browser.signIn(staff.username, staff.password)).statusCode, 303);
  return Object.assign(browser, { staffId: staff.id });
}

async function act(browser: PageClient, code: string, path: string, form: Record<string, string> = {}) {
  const page = await browser.get(`/ho-so/${encodeURIComponent(code)}`);
  assert.equal(page.statusCode, 200, page.body);
  return browser.post(`/ho-so/${encodeURIComponent(code)}/xu-ly/${path}`, {
    _csrf: PageClient.csrfFrom(page.body),
    ...form,
  });
}

async function postMultipart(
  browser: PageClient,
  url: string,
  fields: Parameters<typeof multipartForm>[0],
  cookie?: string,
) {
  const { payload, contentType } = multipartForm(fields);
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: browser.remoteAddress,
    payload,
    headers: {
      'content-type': contentType,
      cookie: cookie ?? [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

const reception = await signedIn('receptionist');
const specialist = await signedIn('specialist');
const leader = await signedIn('leader');

test('the dossier page offers the actor’s actions as forms; a post runs the action and says so', async () => {
  const code = await w.receive();
  const page = await specialist.get(`/ho-so/${encodeURIComponent(code)}`);
  assert.match(page.body, /Xử lý hồ sơ/);
  assert.match(page.body, /action="\/ho-so\/[^"]+\/xu-ly\/start"/);
  assert.doesNotMatch(
    page.body,
    /xu-ly\/return"/,
    'no return-result form for a specialist on a status-2 dossier',
  );
  const started = await act(specialist, code, 'start');
  assert.equal(started.statusCode, 303);
  assert.equal(started.headers.location, `/ho-so/${encodeURIComponent(code)}?xong=start`);
  const after = await specialist.get(started.headers.location as string);
  assert.match(after.body, /Đã thực hiện: Bắt đầu xử lý/);
  assert.equal(await w.statusOf(code), 4);
  // without the CSRF token: refused, nothing changes
  const forged = await specialist.post(`/ho-so/${encodeURIComponent(code)}/xu-ly/comments`, { text: 'x' });
  assert.equal(forged.statusCode, 403);
});

test('a form error shows the form again with its summary; a wrong state is an error page (409)', async () => {
  const code = await w.dossierIn(4);
  const empty = await act(specialist, code, 'supplement-requests', { items: '', reason: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /error-summary/);
  assert.match(empty.body, /id="items"/);
  const invalid = await act(reception, code, 'return', { receivedBy: 'X' });
  assert.equal(invalid.statusCode, 409);
  const forbidden = await act(reception, code, 'approve');
  assert.equal(forbidden.statusCode, 403);
});

test('supplement at the page, BM.02 printable and as PDF, citizen supplies online, due date moves', async () => {
  const code = await w.receive();
  await act(specialist, code, 'start');
  const asked = await act(specialist, code, 'supplement-requests', {
    items: 'Bản sao giấy khai sinh\nẢnh 3x4',
    reason: 'Hồ sơ còn thiếu',
    contact: '',
  });
  assert.equal(asked.statusCode, 303, asked.body);
  const slip = await specialist.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm02`);
  assert.equal(slip.statusCode, 200);
  assert.match(slip.body, /PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ/);
  assert.match(slip.body, /Ảnh 3x4/);
  const pdf = await specialist.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm02.pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const dueBefore = (await loadDossierWork({ db, actor: actors.receptionist, code })).dossier.due_at;

  // the applicant, signed in with their identifier, sees the request and uploads
  const token = await w.citizenSessionToken();
  const browser = new PageClient(app, '10.9.9.9');
  browser.cookies.set(CITIZEN_SESSION_COOKIE, token);
  const url = `/cong-dan/ho-so/${encodeURIComponent(code)}/bo-sung`;
  // the signed-in applicant's lookup of a dossier awaiting a supplement links to the supply page
  const lookupPage = await browser.get(`/tra-cuu?code=${encodeURIComponent(code)}`);
  assert.ok(lookupPage.body.includes(`href="${url}"`), 'lookup links to the supply page');
  const page = await browser.get(url);
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /Bản sao giấy khai sinh/);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  const csrf = PageClient.csrfFrom(page.body);
  const citizenSlip = await browser.get(`/cong-dan/ho-so/${encodeURIComponent(code)}/phieu/bm02.pdf`);
  assert.equal(citizenSlip.statusCode, 200);
  assert.equal((await browser.get(`/cong-dan/ho-so/${encodeURIComponent(code)}/phieu/bm05`)).statusCode, 404);
  // no file: the form again with the error
  const noFile = await postMultipart(browser, url, { _csrf: csrf, note: '' });
  assert.equal(noFile.statusCode, 400);
  assert.equal(await w.statusOf(code), 5);
  const sent = await postMultipart(browser, url, {
    _csrf: csrf,
    note: 'Gửi bổ sung',
    files: [{ filename: 'khai-sinh.pdf', type: 'application/pdf', bytes: minimalPdf() }],
  });
  assert.equal(sent.statusCode, 303, sent.body);
  assert.equal(await w.statusOf(code), 4);
  const done = await browser.get(sent.headers.location as string);
  assert.match(done.body, /Ngày hẹn trả kết quả mới/);
  // staff see the supplied file on the dossier page and open it
  const staffPage = await reception.get(`/ho-so/${encodeURIComponent(code)}`);
  const fileHref = /href="(\/ho-so\/[^"]+\/tep\/[0-9a-f]{64})"/.exec(staffPage.body)?.[1];
  assert.ok(fileHref, 'a link to the supplied file');
  const file = await reception.get(fileHref);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.deepEqual(file.rawPayload, minimalPdf());
  assert.equal(
    (await reception.get(`/ho-so/${encodeURIComponent(code)}/bo-sung/tep/${'0'.repeat(64)}`)).statusCode,
    404,
  );
  // The staff read of the citizen's file is one `dossier.viewed` with its SHA-256; the 404 wrote nothing.
  const supplied = await dossierViews(db, code, 'supplied-file');
  assert.deepEqual(
    supplied.map((e) => [e.actor_id, (e.details as { file?: string }).file]),
    [[reception.staffId, fileHref.split('/').at(-1)]],
  );
  const work = await loadDossierWork({ db, actor: actors.receptionist, code });
  assert.ok(work.dossier.due_at && dueBefore && work.dossier.due_at.getTime() >= dueBefore.getTime());
  // the public lookup and the receipt show the current due date
  const lookup = await app.inject({
    method: 'GET',
    url: `/api/v1/lookup/${encodeURIComponent(code)}?phone=5678`,
  });
  assert.equal(lookup.json().dueAt, work.dossier.due_at?.toISOString());
  const receipt = await reception.get(`/ho-so/${encodeURIComponent(code)}/bien-nhan`);
  assert.equal(receipt.statusCode, 200);
  // another citizen sees nothing
  const stranger = new PageClient(app, '10.9.9.10');
  assert.equal((await stranger.get(url)).statusCode, 303, 'signed out: sent to the citizen sign-in');
});

test('result upload (multipart), approval, processed, return; BM.05 and the queue page', async () => {
  const code = await w.receive();
  assert.equal(
    (await act(reception, code, 'hand-over', { toStep: '1', toUnitId: commune.id, toStaffId: '', note: '' }))
      .statusCode,
    303,
  );
  const viewsBefore = (await registerViews(db, 'work-queue')).length;
  const queue = await specialist.get('/ho-so/hang-doi');
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, new RegExp(code.replaceAll('.', '\\.')));
  // It names the applicants (issue 4 §1): one `register.viewed` for the receiving unit with the codes.
  const [view, ...more] = (await registerViews(db, 'work-queue')).slice(viewsBefore);
  assert.equal(more.length, 0);
  assertRegisterView(view, {
    staffId: specialist.staffId,
    unitId: commune.id,
    codes: [code],
    filter: {},
    personal: ['Trần Thị Nộp', '001190012345'],
  });
  assert.equal((await act(specialist, code, 'claim')).statusCode, 303);
  assert.equal((await act(specialist, code, 'start')).statusCode, 303);
  const page = await specialist.get(`/ho-so/${encodeURIComponent(code)}`);
  const uploaded = await postMultipart(specialist, `/ho-so/${encodeURIComponent(code)}/xu-ly/result`, {
    _csrf: PageClient.csrfFrom(page.body),
    result: { filename: 'ket-qua.pdf', type: 'application/pdf', bytes: minimalPdf() },
  });
  assert.equal(uploaded.statusCode, 303, uploaded.body);
  const file = await leader.get(`/ho-so/${encodeURIComponent(code)}/ket-qua.pdf`);
  assert.equal(file.statusCode, 200);
  assert.deepEqual(file.rawPayload, minimalPdf());
  // Staff reads of what names the applicant are `dossier.viewed` events (issue 4 §1).
  const [resultView, ...moreResultViews] = await dossierViews(db, code, 'result');
  assert.equal(moreResultViews.length, 0);
  assert.equal(resultView?.actor_id, leader.staffId);
  assert.equal((await act(leader, code, 'approve', { note: '' })).statusCode, 303);
  assert.equal((await act(specialist, code, 'mark-processed')).statusCode, 303);
  assert.equal((await act(reception, code, 'return', { receivedBy: 'Trần Thị Nộp (CCCD)' })).statusCode, 303);
  assert.equal(await w.statusOf(code), 10);
  const bm05 = await reception.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm05`);
  assert.match(bm05.body, /PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ/);
  assert.match(bm05.body, /Giao: Cán bộ receptionist/);
  const bm05pdf = await reception.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm05.pdf`);
  assert.equal(bm05pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  for (const view of ['form', 'form-pdf'] as const) {
    const [event, ...more] = await dossierViews(db, code, view);
    assert.equal(more.length, 0, view);
    assert.equal(event?.actor_id, reception.staffId);
    assert.equal((event?.details as { item?: string } | undefined)?.item, 'bm05');
  }
  // A refused read (an unknown form) writes nothing.
  assert.equal((await reception.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm99`)).statusCode, 404);
  assert.equal((await dossierViews(db, code, 'form')).length, 1);
});

test('extension (BM.04) and referral slip from the page', async () => {
  const code = await w.dossierIn(4);
  assert.equal((await act(leader, code, 'extend', { days: '2', reason: 'Cần xác minh' })).statusCode, 303);
  const bm04 = await leader.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm04`);
  assert.match(bm04.body, /PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN/);
  assert.match(bm04.body, /Trang leader/);
  const twice = await act(leader, code, 'extend', { days: '1', reason: 'Lần hai' });
  assert.equal(twice.statusCode, 409);
  const other = await w.dossierIn(2);
  const referred = await act(reception, other, 'refer', {
    authority: 'Sở Tư pháp tỉnh',
    address: '1 đường Lớn',
    documents: 'Tờ khai\nBản sao CCCD',
    note: '',
  });
  assert.equal(referred.statusCode, 303);
  assert.equal(await w.statusOf(other), 8);
  const slip = await reception.get(`/ho-so/${encodeURIComponent(other)}/phieu/referral`);
  assert.match(slip.body, /Sở Tư pháp tỉnh/);
  assert.equal((await reception.get(`/ho-so/${encodeURIComponent(other)}/phieu/bm04`)).statusCode, 409);
});

test('unit administrators set the warning threshold on the queue page; others may not', async () => {
  const admin = await makeStaff(db, { unit: commune, role: 'unit_admin' });
  const browser = new PageClient(app, '10.9.5.1');
  assert.equal((await browser.signIn(admin.username, admin.password)).statusCode, 303);
  const page = await browser.get('/ho-so/hang-doi');
  assert.match(page.body, /action="\/ho-so\/hang-doi\/canh-bao"/);
  // An administrator's queue lists no dossier: no applicant shown, no read event.
  assert.ok(!(await registerViews(db, 'work-queue')).some((e) => e.actor_id === admin.id));
  const saved = await browser.post('/ho-so/hang-doi/canh-bao', {
    _csrf: PageClient.csrfFrom(page.body),
    unitId: commune.id,
    days: '2',
  });
  assert.equal(saved.statusCode, 303);
  assert.match((await browser.get('/ho-so/hang-doi?luu=1')).body, /Đã lưu ngưỡng cảnh báo/);
  const row = await db
    .selectFrom('workflow_unit_settings')
    .selectAll()
    .where('unit_id', '=', commune.id)
    .executeTakeFirst();
  assert.equal(row?.warning_working_days, 2);
  const own = await specialist.get('/ho-so/hang-doi');
  assert.doesNotMatch(own.body, /canh-bao/);
  const denied = await specialist.post('/ho-so/hang-doi/canh-bao', {
    _csrf: PageClient.csrfFrom(own.body),
    unitId: commune.id,
    days: '5',
  });
  assert.equal(denied.statusCode, 403);
});

test('refusal during processing: BM.03 with the reasons, printable and as PDF; the step due date is shown', async () => {
  const code = await w.dossierIn(4);
  const page = await specialist.get(`/ho-so/${encodeURIComponent(code)}`);
  assert.match(page.body, /Hạn của bước/);
  const refused = await act(specialist, code, 'refuse', {
    reasons: 'Người yêu cầu không cư trú trên địa bàn\nThiếu giấy tờ',
  });
  assert.equal(refused.statusCode, 303);
  assert.equal(await w.statusOf(code), 3);
  const slip = await specialist.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm03`);
  assert.equal(slip.statusCode, 200);
  assert.match(slip.body, /PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ/);
  assert.match(slip.body, /<li>Người yêu cầu không cư trú trên địa bàn<\/li>/);
  const pdf = await specialist.get(`/ho-so/${encodeURIComponent(code)}/phieu/bm03.pdf`);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const other = await w.dossierIn(4);
  assert.equal((await specialist.get(`/ho-so/${encodeURIComponent(other)}/phieu/bm03`)).statusCode, 409);
});
