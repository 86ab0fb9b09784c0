// The counter pages (issue 6 §3): a receptionist finds the procedure, fills in the form with scans
// (multipart, no JavaScript), receives, and lands on the printable dossier page. Authorisation per action.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import {
  minimalPdf,
  minimalPng,
  multipart,
  type Part,
  PROCEDURE_CODE,
  setUpDossierTests,
} from './dossier-setup.ts';

const { app, db, commune, province } = await setUpDossierTests();

let address = 0;
async function signedIn(role: 'receptionist' | 'specialist', unit = commune): Promise<PageClient> {
  const staff = await makeStaff(db, { unit, role });
  const browser = new PageClient(app, `10.8.0.${++address}`);
  assert.equal((await browser.signIn(staff.username, staff.password)).statusCode, 303);
  return browser;
}

async function postForm(browser: PageClient, fields: Record<string, Part | Part[]>) {
  const { payload, contentType } = multipart(fields);
  return app.inject({
    method: 'POST',
    url: '/ho-so/tiep-nhan',
    remoteAddress: browser.remoteAddress,
    payload,
    headers: {
      'content-type': contentType,
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

const formFields = (csrf: string, extra: Record<string, Part | Part[]> = {}) => ({
  _csrf: csrf,
  unit: commune.id,
  procedure: PROCEDURE_CODE,
  fullName: 'Lê Văn Quầy',
  personalIdentifier: '001190054321',
  address: 'Xóm 2',
  phone: '0987654321',
  email: '',
  proxyName: '',
  proxyAuthorisation: '',
  feeVnd: '',
  'doc-0': 'yes',
  'file-0': [
    { filename: 'giay-to.pdf', type: 'application/pdf', bytes: minimalPdf() },
    // A PNG named .pdf is judged by its content: stored as a PNG.
    { filename: 'anh.pdf', type: 'application/pdf', bytes: minimalPng() },
  ],
  'file-1': { filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) },
  action: 'receive',
  ...extra,
});

test('a receptionist searches, fills in the form with scans, receives, and sees the printable dossier page', async () => {
  const browser = await signedIn('receptionist');
  const workspace = await browser.get('/workspace');
  assert.ok(workspace.body.includes('href="/ho-so/tiep-nhan"'));
  const search = await browser.get('/ho-so/tiep-nhan?q=');
  assert.equal(search.statusCode, 200);
  assert.ok(search.body.includes(`procedure=${PROCEDURE_CODE}`));
  const form = await browser.get(`/ho-so/tiep-nhan?unit=${commune.id}&procedure=${PROCEDURE_CODE}`);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes('enctype="multipart/form-data"'));
  const response = await postForm(browser, formFields(PageClient.csrfFrom(form.body)));
  assert.equal(response.statusCode, 303, response.body);
  const location = String(response.headers.location);
  assert.match(location, /^\/ho-so\/.+-\d{6}-\d{4}\?moi=1$/);
  const page = await browser.get(location);
  assert.equal(page.statusCode, 200);
  const code = decodeURIComponent(location.slice('/ho-so/'.length, location.indexOf('?')));
  assert.ok(page.body.includes(code));
  assert.ok(page.body.includes('Hẹn trả kết quả'));
  assert.ok(page.body.includes('Lê Văn Quầy'));
  assert.ok(page.body.includes(`/ho-so/${encodeURIComponent(code)}/bien-nhan`));
  const stored = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  assert.equal(stored.channel, 'counter');
  assert.deepEqual(
    stored.documents.map((d) => [d.index, d.files.map((f) => f.mediaType)]),
    [[0, ['application/pdf', 'image/png']]],
  );
});

test('form problems re-render the form with an error summary and the values kept', async () => {
  const browser = await signedIn('receptionist');
  const form = await browser.get(`/ho-so/tiep-nhan?unit=${commune.id}&procedure=${PROCEDURE_CODE}`);
  const csrf = PageClient.csrfFrom(form.body);
  const invalid = await postForm(browser, formFields(csrf, { phone: '12', 'doc-0': [] as Part[] }));
  assert.equal(invalid.statusCode, 400);
  assert.ok(invalid.body.includes('error-summary'));
  assert.ok(invalid.body.includes('href="#phone"'));
  assert.ok(invalid.body.includes('value="Lê Văn Quầy"'));
  const truncated = minimalPdf().subarray(0, 60);
  const broken = await postForm(
    browser,
    formFields(csrf, { 'file-0': { filename: 'hong.pdf', type: 'application/pdf', bytes: truncated } }),
  );
  assert.equal(broken.statusCode, 415);
  assert.ok(broken.body.includes('bị hỏng hoặc không đầy đủ'));
  const oversized = await postForm(
    browser,
    formFields(csrf, {
      'file-0': { filename: 'to.pdf', type: 'application/pdf', bytes: Buffer.alloc(10 * 1024 * 1024 + 1) },
    }),
  );
  assert.equal(oversized.statusCode, 413);
  const refusalWithoutReason = await postForm(
    browser,
    formFields(csrf, { action: 'refuse', refusalReasons: '' }),
  );
  assert.equal(refusalWithoutReason.statusCode, 400);
  assert.ok(refusalWithoutReason.body.includes('href="#refusalReasons"'));
});

test('refusal to receive from the counter page records status 3 with the reasons', async () => {
  const browser = await signedIn('receptionist');
  const form = await browser.get(`/ho-so/tiep-nhan?unit=${commune.id}&procedure=${PROCEDURE_CODE}`);
  const response = await postForm(
    browser,
    formFields(PageClient.csrfFrom(form.body), {
      action: 'refuse',
      refusalReasons: 'Thiếu giấy tờ bắt buộc.',
    }),
  );
  assert.equal(response.statusCode, 303, response.body);
  const page = await browser.get(String(response.headers.location));
  assert.ok(page.body.includes('Không được tiếp nhận'));
  assert.ok(page.body.includes('Thiếu giấy tờ bắt buộc.'));
});

test('authorisation: without dossier.receive on the unit the counter is refused; without CSRF too', async () => {
  const receptionist = await signedIn('receptionist');
  const form = await receptionist.get(`/ho-so/tiep-nhan?unit=${commune.id}&procedure=${PROCEDURE_CODE}`);
  const csrf = PageClient.csrfFrom(form.body);
  const specialist = await signedIn('specialist');
  assert.equal((await specialist.get('/ho-so/tiep-nhan')).statusCode, 403);
  const specialistForm = await specialist.get('/workspace');
  const specialistPost = await postForm(specialist, formFields(PageClient.csrfFrom(specialistForm.body)));
  assert.equal(specialistPost.statusCode, 403);
  const elsewhere = await signedIn('receptionist', province);
  const elsewhereForm = await elsewhere.get('/ho-so/tiep-nhan');
  assert.equal(elsewhereForm.statusCode, 200);
  assert.equal(
    (await postForm(elsewhere, formFields(PageClient.csrfFrom(elsewhereForm.body)))).statusCode,
    403,
  );
  const withoutCsrf = await postForm(receptionist, formFields(''));
  assert.equal(withoutCsrf.statusCode, 403);
  const signedOut = await app.inject({ method: 'GET', url: '/ho-so/tiep-nhan' });
  assert.equal(signedOut.statusCode, 303);
  // Signed out, an upload is refused before its body is read.
  const anonymous = multipart(formFields(csrf));
  const anonymousPost = await app.inject({
    method: 'POST',
    url: '/ho-so/tiep-nhan',
    payload: anonymous.payload,
    headers: { 'content-type': anonymous.contentType },
  });
  assert.equal(anonymousPost.statusCode, 401);
  // Allowed: the same form with the receptionist's token.
  assert.equal((await postForm(receptionist, formFields(csrf))).statusCode, 303);
  // A dossier page is only for staff of its unit.
  const [dossier] = await db
    .selectFrom('dossiers')
    .select('code')
    .where('unit_id', '=', commune.id)
    .execute();
  assert.ok(dossier);
  assert.equal((await elsewhere.get(`/ho-so/${encodeURIComponent(dossier.code)}`)).statusCode, 404);
});
