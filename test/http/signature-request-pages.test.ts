// The signing pages over HTTP (issue 5 §4-5): a specialist submits a PDF (multipart), the leader signs it
// from the queue with PIN + one-time code, a re-post of the same form signs nothing again, the clerk seals,
// the public verification page reports both signatures; bad uploads get 4xx; every action is refused to a
// role without it; the signing page stays far below 50 KB.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generate } from 'otplib';
import { readPdfLayout } from '../../src/lib/pdf/index.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import {
  makePerson,
  makeSigningUnit,
  SIGNING_PIN,
  type SigningPerson,
} from '../fixtures/signature-requests.ts';
import { PageClient } from '../helpers/http.ts';
import { postMultipart } from '../helpers/multipart.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xaso-sigreq-pages-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const config = testConfig({ DATA_DIR: dataDir });
const { app, db } = await createTestApp({ config });
const kek = config.secrets.keyEncryption;
const people = await makeSigningUnit(db, kek);

let address = 0;
async function signIn(person: { username: string; password: string }): Promise<PageClient> {
  const client = new PageClient(app, `10.9.0.${++address}`);
  assert.equal((await client.signIn(person.username, person.password)).statusCode, 303);
  return client;
}
const otp = (person: SigningPerson, step = 0) =>
  generate({ secret: person.totpSecret, epoch: Math.floor(Date.now() / 1000) + step * 30 });

async function submit(client: PageClient, title: string, pdf?: Uint8Array) {
  const form = await client.get('/trinh-ky/moi');
  assert.equal(form.statusCode, 200);
  return postMultipart(client, '/trinh-ky/moi', {
    _csrf: PageClient.csrfFrom(form.body),
    unit: people.unit.id,
    title,
    signer: people.leader.id,
    needsSeal: 'yes',
    page: '',
    pdf: { filename: 'qd.pdf', type: 'application/pdf', bytes: pdf ?? (await basePdf(1)) },
  });
}

const idOf = (location: unknown) => /\/trinh-ky\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

test('submit, sign from the queue, re-post safely, seal, verify publicly', async () => {
  const specialist = await signIn(people.specialist);
  const created = await submit(specialist, 'Quyết định khen thưởng');
  assert.equal(created.statusCode, 303, created.body);
  const id = idOf(created.headers.location);
  const detail = await specialist.get(`/trinh-ky/${id}?moi=1`);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Chờ lãnh đạo ký/);
  assert.match(detail.body, /<svg role="img"/);
  assert.doesNotMatch(detail.body, /name="pin"/, 'the specialist has no signing form');

  const leader = await signIn(people.leader);
  const queue = await leader.get('/ky-duyet');
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /Quyết định khen thưởng/);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(queue.body)?.[1] ?? '';
  const form = { _csrf: PageClient.csrfFrom(queue.body), ids: id, idempotencyKey: key, pin: SIGNING_PIN };
  // A wrong PIN: the queue again with the error, nothing signed.
  const wrong = await leader.post('/ky-duyet', { ...form, pin: '999999', otp: await otp(people.leader) });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /error-summary/);
  assert.match(wrong.body, /Còn 4 lần thử/);
  const signed = await leader.post('/ky-duyet', { ...form, otp: await otp(people.leader) });
  assert.equal(signed.statusCode, 303, signed.body);
  assert.equal(signed.headers.location, '/ky-duyet?da-ky=1');
  // The connection dropped and the browser posts the same form again: success, no second signature.
  const again = await leader.post('/ky-duyet', { ...form, otp: await otp(people.leader) });
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, '/ky-duyet?lap-lai=1');
  const viewsBefore = await db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', 'dossier.viewed')
    .execute();
  const pdf = await leader.get(`/trinh-ky/${id}/van-ban.pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  // A document submitted by hand belongs to no dossier: its download is no read of a citizen's dossier.
  assert.equal(
    (await db.selectFrom('audit_events').select('id').where('action', '=', 'dossier.viewed').execute())
      .length,
    viewsBefore.length,
  );
  assert.deepEqual(
    readPdfLayout(pdf.rawPayload).signatureFields.map((f) => [f.name, f.isSigned]),
    [
      ['Leader', true],
      ['Seal', false],
    ],
  );

  const clerk = await signIn(people.clerk);
  const sealQueue = await clerk.get('/dong-dau');
  assert.match(sealQueue.body, /Quyết định khen thưởng/);
  const sealed = await clerk.post('/dong-dau', {
    _csrf: PageClient.csrfFrom(sealQueue.body),
    ids: id,
    idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(sealQueue.body)?.[1] ?? '',
    pin: SIGNING_PIN,
    otp: await otp(people.clerk),
    back: `/trinh-ky/${id}`,
  });
  assert.equal(sealed.statusCode, 303, sealed.body);
  assert.equal(sealed.headers.location, `/trinh-ky/${id}?da-ky=1`);
  assert.match((await clerk.get(`/trinh-ky/${id}`)).body, /Đã ký và đóng dấu/);

  const anonymous = new PageClient(app, '10.9.1.1');
  const publicPage = await anonymous.get(`/xac-minh/${id}`);
  assert.equal(publicPage.statusCode, 200);
  assert.match(publicPage.body, /Chữ ký 1/);
  assert.match(publicPage.body, /Chữ ký 2/);
  assert.match(publicPage.body, /B-T/);
  assert.match(publicPage.body, /Không bị thay đổi/);
  // The same report in English for a visitor who switched the language.
  const english = new PageClient(app, '10.9.1.2');
  english.cookies.set('xaso_lang', 'en');
  const inEnglish = await english.get(`/xac-minh/${id}`);
  assert.match(inEnglish.body, /Signature 2/);
  assert.match(inEnglish.body, /Not changed/);
  assert.match(inEnglish.body, /Valid|Indeterminate/);
  const final = await clerk.get(`/trinh-ky/${id}/van-ban.pdf`);
  // The citizen's copy compared with the signed original.
  const compare = await postMultipart(anonymous, `/xac-minh/${id}`, {
    _csrf: PageClient.csrfFrom(publicPage.body),
    file: { filename: 'copy.pdf', type: 'application/pdf', bytes: final.rawPayload },
  });
  assert.match(compare.body, /trùng khớp/);
  // The upload form reports on any signed PDF.
  const uploaded = await postMultipart(anonymous, '/xac-minh', {
    _csrf: PageClient.csrfFrom(publicPage.body),
    file: { filename: 'signed.pdf', type: 'application/pdf', bytes: final.rawPayload },
  });
  assert.equal(uploaded.statusCode, 200);
  assert.match(uploaded.body, /Hợp lệ|Chưa xác định được/);
  assert.match(uploaded.body, /Chữ ký 2/);
});

test('bad uploads get a precise 4xx; open requests are not public', async () => {
  const anonymous = new PageClient(app, '10.9.2.1');
  const page = await anonymous.get('/xac-minh');
  assert.equal(page.statusCode, 200);
  const csrf = PageClient.csrfFrom(page.body);
  const post = (bytes: Uint8Array) =>
    postMultipart(anonymous, '/xac-minh', {
      _csrf: csrf,
      file: { filename: 'x.pdf', type: 'application/pdf', bytes },
    });
  const notPdf = await post(Buffer.from('GIF89a not a pdf'));
  assert.equal(notPdf.statusCode, 415);
  assert.match(notPdf.body, /không phải PDF/);
  const unsigned = await post(await basePdf(1));
  assert.equal(unsigned.statusCode, 400);
  assert.match(unsigned.body, /không có chữ ký số/);
  const broken = await post(Buffer.from('%PDF-1.7\ngarbage'));
  assert.equal(broken.statusCode, 400);
  const tooLarge = await post(Buffer.alloc(21 * 1024 * 1024, 0x20));
  assert.equal(tooLarge.statusCode, 413);
  const empty = await postMultipart(anonymous, '/xac-minh', { _csrf: csrf });
  assert.equal(empty.statusCode, 400);

  const specialist = await signIn(people.specialist);
  const open = idOf((await submit(specialist, 'Chưa ký')).headers.location);
  assert.equal((await anonymous.get(`/xac-minh/${open}`)).statusCode, 404);
  assert.equal((await anonymous.get('/xac-minh/not-an-id')).statusCode, 404);
  // Without the form's CSRF token the upload is refused before anything is stored.
  const forged = await postMultipart(specialist, '/trinh-ky/moi', {
    unit: people.unit.id,
    title: 'Giả mạo',
    signer: people.leader.id,
    pdf: { filename: 'x.pdf', type: 'application/pdf', bytes: await basePdf(1) },
  });
  assert.equal(forged.statusCode, 403);
  const forgedRows = await db
    .selectFrom('signature_requests')
    .select('id')
    .where('title', '=', 'Giả mạo')
    .execute();
  assert.equal(forgedRows.length, 0);
  const badSubmit = await submit(specialist, 'Không phải PDF', Buffer.from('hello'));
  assert.equal(badSubmit.statusCode, 415);
  assert.match(badSubmit.body, /error-summary/);
});

test('authorisation: each page and action refused without its role', async () => {
  const specialist = await signIn(people.specialist);
  const id = idOf((await submit(specialist, 'Phân quyền')).headers.location);
  const receptionist = await signIn(await makePerson(db, kek, people.unit, 'receptionist'));
  assert.equal((await receptionist.get('/trinh-ky/moi')).statusCode, 403);
  assert.equal((await receptionist.get('/ky-duyet')).statusCode, 403);
  assert.equal((await receptionist.get('/dong-dau')).statusCode, 403);
  const page = await receptionist.get('/trinh-ky');
  const csrf = PageClient.csrfFrom(page.body);
  const upload = await postMultipart(receptionist, '/trinh-ky/moi', { _csrf: csrf, title: 'x' });
  assert.equal(upload.statusCode, 403);
  const other = await makeSigningUnit(db, kek);
  const outsider = await signIn(other.leader);
  assert.equal((await outsider.get(`/trinh-ky/${id}`)).statusCode, 404);
  assert.equal((await outsider.get(`/trinh-ky/${id}/van-ban.pdf`)).statusCode, 404);
  const outsiderCsrf = PageClient.csrfFrom((await outsider.get('/ky-duyet')).body);
  const stolen = await outsider.post('/ky-duyet', {
    _csrf: outsiderCsrf,
    ids: id,
    idempotencyKey: 'k'.repeat(22),
    pin: SIGNING_PIN,
    otp: await otp(other.leader),
  });
  assert.equal(stolen.statusCode, 403);
  const ret = await outsider.post(`/trinh-ky/${id}/tra-lai`, { _csrf: outsiderCsrf, reason: 'no' });
  assert.equal(ret.statusCode, 403);
  const cancel = await outsider.post(`/trinh-ky/${id}/huy`, { _csrf: outsiderCsrf });
  assert.equal(cancel.statusCode, 403);
  // The leader returns it with a reason; the specialist sees the reason.
  const leader = await signIn(people.leader);
  const detail = await leader.get(`/trinh-ky/${id}`);
  const returned = await leader.post(`/trinh-ky/${id}/tra-lai`, {
    _csrf: PageClient.csrfFrom(detail.body),
    reason: 'Thiếu căn cứ pháp lý',
  });
  assert.equal(returned.statusCode, 303);
  assert.match((await specialist.get(`/trinh-ky/${id}`)).body, /Thiếu căn cứ pháp lý/);
});

test('unit admin resets a signer’s authenticator (audited); others cannot', async () => {
  const admin = await signIn(await makePerson(db, kek, people.unit, 'unit_admin'));
  const credentialId = people.clerk.credentialId ?? '';
  const page = await admin.get(`/admin/certificates/${credentialId}`);
  assert.equal(page.statusCode, 200);
  const leader = await signIn(people.leader);
  const refused = await leader.post(`/admin/certificates/${credentialId}/dat-lai-otp`, {
    _csrf: PageClient.csrfFrom((await leader.get('/ky-duyet')).body),
  });
  assert.equal(refused.statusCode, 403);
  const reset = await admin.post(`/admin/certificates/${credentialId}/dat-lai-otp`, {
    _csrf: PageClient.csrfFrom(page.body),
  });
  assert.equal(reset.statusCode, 303);
  const event = await db
    .selectFrom('audit_events')
    .select(['action', 'subject_id'])
    .where('action', '=', 'signing.totp_reset')
    .executeTakeFirst();
  assert.equal(event?.subject_id, people.clerk.id);
  const totp = await db
    .selectFrom('signing_totp')
    .select('staff_id')
    .where('staff_id', '=', people.clerk.id)
    .execute();
  assert.equal(totp.length, 0);
  // The clerk sets up a new authenticator from the pages and confirms it with a first code.
  const clerk = await signIn(people.clerk);
  const none = await clerk.get('/ky-so/otp');
  assert.match(none.body, /chưa có ứng dụng xác thực/);
  const started = await clerk.post('/ky-so/otp', { _csrf: PageClient.csrfFrom(none.body) });
  assert.equal(started.statusCode, 200);
  assert.match(started.body, /<svg[^>]+role="img"/);
  const secret = /<code>([A-Z2-7]+)<\/code>/.exec(started.body)?.[1] ?? '';
  assert.ok(secret.length >= 16, started.body);
  const csrf = PageClient.csrfFrom(started.body);
  const wrongCode = await clerk.post('/ky-so/otp/xac-nhan', { _csrf: csrf, code: '000000' });
  assert.equal(wrongCode.statusCode, 400);
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
  const confirmed = await clerk.post('/ky-so/otp/xac-nhan', { _csrf: csrf, code });
  assert.equal(confirmed.statusCode, 303);
  assert.match((await clerk.get('/ky-so/otp?ok=1')).body, /Đã xác nhận ứng dụng xác thực/);
});

test('the signing page weighs far less than 50 KB (HTML + stylesheet)', async () => {
  const specialist = await signIn(people.specialist);
  await submit(specialist, 'Văn bản thứ nhất');
  await submit(specialist, 'Văn bản thứ hai');
  const leader = await signIn(people.leader);
  const queue = await leader.get('/ky-duyet');
  assert.match(queue.body, /Văn bản thứ hai/);
  const css = await leader.get('/assets/xaso.css');
  const total = queue.rawPayload.length + css.rawPayload.length;
  assert.ok(total < 50 * 1024, `${total} bytes`);
  assert.doesNotMatch(queue.body, /<script/);
});
