// Online submission through the pages (issue 6 §3 "Online"), no JavaScript: a citizen signs in with the
// development provider, saves a draft with a scan, submits; a receptionist sees it waiting and accepts (or,
// over the API, refuses); the citizen then gets the receipt (or BM.03). Scans only for the unit and the owner.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_CITIZENS } from '../../src/modules/demo/demo-citizens.ts';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { assertRegisterView, dossierViews, registerViews } from '../helpers/read-events.ts';
import { localPath, signInCitizen } from './citizen-flow.ts';
import { minimalPdf, multipart, type Part, PROCEDURE_CODE, setUpDossierTests } from './dossier-setup.ts';

const { app, db, config, commune, staffWithToken } = await setUpDossierTests();
const [an, hoa] = DEMO_CITIZENS;
assert.ok(an && hoa);
let address = 0;

async function citizen(sub: string): Promise<PageClient> {
  const browser = new PageClient(app, `10.9.0.${++address}`);
  await signInCitizen(browser, config, sub);
  return browser;
}

async function staff(role: 'receptionist' | 'specialist'): Promise<PageClient & { staffId: string }> {
  const member = await makeStaff(db, { unit: commune, role });
  const browser = new PageClient(app, `10.9.1.${++address}`);
  assert.equal((await browser.signIn(member.username, member.password)).statusCode, 303);
  return Object.assign(browser, { staffId: member.id });
}

async function postMultipart(
  browser: PageClient,
  url: string,
  fields: Record<string, Part | Part[]>,
): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipart(fields);
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: browser.remoteAddress,
    payload,
    headers: {
      'content-type': contentType,
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

const formUrl = `/cong-dan/nop-ho-so?unit=${commune.id}&procedure=${encodeURIComponent(PROCEDURE_CODE)}`;
const pdf = { filename: 'to-khai.pdf', type: 'application/pdf', bytes: minimalPdf() };

/** Opens the form, then posts it with these fields (the CSRF token from the form). */
async function postForm(browser: PageClient, fields: Record<string, Part | Part[]>, url = formUrl) {
  const form = await browser.get(url);
  assert.equal(form.statusCode, 200, form.body);
  return postMultipart(browser, '/cong-dan/nop-ho-so', {
    _csrf: PageClient.csrfFrom(form.body),
    unit: commune.id,
    procedure: PROCEDURE_CODE,
    address: 'Thôn Bản Ca',
    phone: '0912345678',
    email: '',
    ...fields,
  });
}

async function submitted(browser: PageClient): Promise<string> {
  const response = await postForm(browser, { 'doc-0': 'yes', 'file-0': pdf, action: 'submit' });
  assert.equal(response.statusCode, 303, response.body);
  const match = /^\/cong-dan\/ho-so\/([^?]+)\?moi=1$/.exec(localPath(response.headers.location, config));
  assert.ok(match?.[1]);
  return decodeURIComponent(match[1]);
}

test('the form needs a signed-in citizen and comes prefilled from the identity', async () => {
  const anonymous = new PageClient(app, `10.9.2.${++address}`);
  const redirected = await anonymous.get(formUrl);
  assert.equal(redirected.statusCode, 303);
  assert.match(String(redirected.headers.location), /^\/cong-dan\?next=/);
  const browser = await citizen(an.sub);
  const form = await browser.get(formUrl);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes(an.name));
  assert.ok(form.body.includes(an.personalIdentifier));
  assert.match(form.body, new RegExp(`name="phone"[^>]*value="${an.phone}"`));
  assert.match(form.body, /enctype="multipart\/form-data"/);
});

test('a draft keeps the scan; submitting it gives a status-1 dossier without a receipt yet', async () => {
  const browser = await citizen(an.sub);
  const saved = await postForm(browser, { 'doc-0': 'yes', 'file-0': pdf, action: 'save' });
  assert.equal(saved.statusCode, 303, saved.body);
  const draftUrl = localPath(saved.headers.location, config);
  assert.match(draftUrl, /^\/cong-dan\/nop-ho-so\?nhap=[0-9a-f-]{36}&luu=1$/);
  const draftPage = await browser.get(draftUrl);
  assert.equal(draftPage.statusCode, 200);
  assert.match(draftPage.body, /Đã lưu nháp/);
  assert.match(draftPage.body, /Tệp đã lưu: PDF 1 KB/);
  assert.match((await browser.get('/cong-dan')).body, /Hồ sơ nháp/);
  const draftId = /nhap=([0-9a-f-]{36})/.exec(draftUrl)?.[1] ?? '';
  const response = await postForm(browser, { draft: draftId, 'doc-0': 'yes', action: 'submit' }, draftUrl);
  assert.equal(response.statusCode, 303, response.body);
  const dossierUrl = localPath(response.headers.location, config);
  const page = await browser.get(dossierUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Đã nộp hồ sơ/);
  assert.match(page.body, /Mới đăng ký/);
  assert.doesNotMatch(page.body, /bien-nhan/);
  const code = decodeURIComponent(/\/cong-dan\/ho-so\/([^?]+)/.exec(dossierUrl)?.[1] ?? '');
  assert.equal((await browser.get(`/cong-dan/ho-so/${code}/bien-nhan`)).statusCode, 409);
  const home = await browser.get('/cong-dan');
  assert.ok(home.body.includes(code));
  assert.doesNotMatch(home.body, /Hồ sơ nháp/);
});

test('a receptionist accepts from the waiting list; the citizen then has the receipt', async () => {
  const browser = await citizen(an.sub);
  const code = await submitted(browser);
  const receptionist = await staff('receptionist');
  const viewsBefore = (await registerViews(db, 'online-awaiting')).length;
  const waiting = await receptionist.get('/ho-so/truc-tuyen');
  assert.equal(waiting.statusCode, 200);
  assert.ok(waiting.body.includes(code));
  // It names the applicants (issue 4 §1): one `register.viewed` for the commune with the codes, no names.
  const [view, ...more] = (await registerViews(db, 'online-awaiting')).slice(viewsBefore);
  assert.equal(more.length, 0);
  assertRegisterView(view, {
    staffId: receptionist.staffId,
    unitId: commune.id,
    codes: [code],
    filter: {},
    personal: [an.name],
  });
  const dossierPage = await receptionist.get(`/ho-so/${code}`);
  assert.equal(dossierPage.statusCode, 200);
  assert.match(dossierPage.body, /action="\/ho-so\/[^"]+\/tiep-nhan"/);
  // Status 1: no receipt button (the receipt would be a 409).
  assert.doesNotMatch(dossierPage.body, /\/bien-nhan"/);
  const specialist = await staff('specialist');
  const denied = await specialist.post(`/ho-so/${code}/tiep-nhan`, {
    _csrf: PageClient.csrfFrom((await specialist.get(`/ho-so/${code}`)).body),
  });
  assert.equal(denied.statusCode, 403);
  const accepted = await receptionist.post(`/ho-so/${code}/tiep-nhan`, {
    _csrf: PageClient.csrfFrom(dossierPage.body),
  });
  assert.equal(accepted.statusCode, 303, accepted.body);
  assert.doesNotMatch((await receptionist.get('/ho-so/truc-tuyen')).body, new RegExp(code));
  const mine = await browser.get(`/cong-dan/ho-so/${code}`);
  assert.match(mine.body, /Được tiếp nhận/);
  assert.match(mine.body, /\/bien-nhan"/);
  const receipt = await browser.get(`/cong-dan/ho-so/${code}/bien-nhan`);
  assert.equal(receipt.statusCode, 200);
  assert.ok(receipt.body.includes(code));
  const pdfReceipt = await browser.get(`/cong-dan/ho-so/${code}/bien-nhan.pdf`);
  assert.equal(pdfReceipt.statusCode, 200);
  assert.equal(pdfReceipt.headers['content-type'], 'application/pdf');
  // Another citizen sees none of it.
  const other = await citizen(hoa.sub);
  assert.equal((await other.get(`/cong-dan/ho-so/${code}`)).statusCode, 404);
  assert.equal((await other.get(`/cong-dan/ho-so/${code}/bien-nhan`)).statusCode, 404);
});

test('scans are served to the owner and the unit staff only', async () => {
  const browser = await citizen(an.sub);
  const code = await submitted(browser);
  const page = await browser.get(`/cong-dan/ho-so/${code}`);
  const link = /href="(\/cong-dan\/ho-so\/[^"]+\/tep\/[0-9a-f]{64})"/.exec(page.body)?.[1];
  assert.ok(link, page.body);
  const scan = await browser.get(link);
  assert.equal(scan.statusCode, 200);
  assert.equal(scan.headers['content-type'], 'application/pdf');
  assert.equal(scan.headers['content-security-policy'], 'sandbox');
  assert.deepEqual(scan.rawPayload, minimalPdf());
  const sha = link.split('/').at(-1);
  const receptionist = await staff('receptionist');
  assert.equal((await receptionist.get(`/ho-so/${code}/tep/${sha}`)).statusCode, 200);
  const other = await citizen(hoa.sub);
  assert.equal((await other.get(link)).statusCode, 404);
});

test('refused over the API, the citizen gets BM.03 with the reasons', async () => {
  const browser = await citizen(an.sub);
  const code = await submitted(browser);
  const { token } = await staffWithToken('receptionist');
  const refuse = (reasons: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${encodeURIComponent(code)}/refuse-reception`,
      headers: { authorization: `Bearer ${token}` },
      payload: { reasons },
    });
  assert.equal((await refuse('')).statusCode, 400);
  const refused = await refuse('Thiếu tờ khai.');
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json().status, 3);
  assert.equal((await refuse('Again')).statusCode, 409);
  const accept = await app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${encodeURIComponent(code)}/accept`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(accept.statusCode, 409);
  const form = await browser.get(`/cong-dan/ho-so/${code}/tu-choi`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Thiếu tờ khai\./);
  assert.match(form.body, /PHIẾU TỪ CHỐI/);
});

test('the API accepts with a bearer token and answers the due date', async () => {
  const browser = await citizen(an.sub);
  const code = await submitted(browser);
  const url = `/api/v1/dossiers/${encodeURIComponent(code)}/accept`;
  assert.equal((await app.inject({ method: 'POST', url })).statusCode, 401);
  const specialist = await staffWithToken('specialist');
  const forbidden = await app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${specialist.token}` },
  });
  assert.equal(forbidden.statusCode, 403);
  const { token } = await staffWithToken('receptionist');
  const accepted = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const body = accepted.json();
  assert.equal(body.status, 2);
  assert.ok(Date.parse(body.dueAt) > Date.parse(body.receivedAt));
  assert.ok(body.derivation.vi.length > 0);
});

test('bad input comes back on the form with a precise error and nothing stored', async () => {
  const browser = await citizen(an.sub);
  const before = (await browser.get('/cong-dan')).body;
  const none = await postForm(browser, { action: 'submit' });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /error-summary/);
  const junk = await postForm(browser, {
    'doc-0': 'yes',
    'file-0': { filename: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('not really a pdf') },
    action: 'submit',
  });
  assert.equal(junk.statusCode, 415);
  assert.match(junk.body, /không phải PDF, JPEG hoặc PNG/);
  const noPhone = await postForm(browser, { phone: '12', 'doc-0': 'yes', action: 'submit' });
  assert.equal(noPhone.statusCode, 400);
  assert.match(noPhone.body, /aria-invalid="true"/);
  assert.equal(
    (await browser.get('/cong-dan')).body.match(/\/cong-dan\/ho-so\//g)?.length,
    before.match(/\/cong-dan\/ho-so\//g)?.length,
  );
});

test('the waiting list is for receptionists; a page refusal needs its reasons and then gives BM.03', async () => {
  const browser = await citizen(an.sub);
  const code = await submitted(browser);
  const specialist = await staff('specialist');
  const viewsBefore = (await registerViews(db, 'online-awaiting')).length;
  assert.equal((await specialist.get('/ho-so/truc-tuyen')).statusCode, 403);
  assert.equal(
    (await registerViews(db, 'online-awaiting')).length,
    viewsBefore,
    'a refused read writes nothing',
  );
  const receptionist = await staff('receptionist');
  const page = await receptionist.get(`/ho-so/${code}`);
  const csrf = PageClient.csrfFrom(page.body);
  const empty = await receptionist.post(`/ho-so/${code}/tu-choi`, { _csrf: csrf, refusalReasons: ' ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /id="refusalReasons-error"/);
  const refused = await receptionist.post(`/ho-so/${code}/tu-choi`, {
    _csrf: csrf,
    refusalReasons: 'Sai mẫu tờ khai.',
  });
  assert.equal(refused.statusCode, 303);
  const dossierPage = await receptionist.get(`/ho-so/${code}`);
  assert.match(dossierPage.body, /Không được tiếp nhận/);
  assert.match(dossierPage.body, /\/tu-choi"/);
  assert.doesNotMatch(dossierPage.body, /\/bien-nhan"/);
  const form = await receptionist.get(`/ho-so/${code}/tu-choi.pdf`);
  assert.equal(form.statusCode, 200);
  assert.equal(form.headers['content-type'], 'application/pdf');
  // BM.03 names the applicant: the staff read is a `dossier.viewed` event (the citizen's own reads are not).
  const [refusalView, ...more] = await dossierViews(db, code, 'refusal-pdf');
  assert.equal(more.length, 0);
  assert.equal(refusalView?.actor_id, receptionist.staffId);
  assert.equal((await receptionist.get(`/ho-so/${code}/bien-nhan`)).statusCode, 409);
});
