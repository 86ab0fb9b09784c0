// Public lookup (issue 6 §5): by code and the last 4 phone digits, or as the signed-in applicant; no
// personal data; a wrong code and a wrong phone look the same; rate limited per address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { PageClient } from '../helpers/http.ts';
import {
  PROCEDURE_CODE,
  receiveByApi,
  setUpDossierTests,
  citizenCookie as signedInCitizen,
} from './dossier-setup.ts';

const { app, db, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
/** Receives a dossier through the API (phone ending 5678); its code. */
const receive = async () =>
  (await receiveByApi(app, { token: receptionist.token, unitId: commune.id, phone: '0912 345 678' })).code;
const code = await receive();
const PERSONAL = ['Trần Thị Nộp', '001190012345', '0912345678', '5678', 'nop@example.vn', 'Thôn 1'];

let address = 0;
const lookup = (url: string, remoteAddress = `10.9.0.${++address}`, cookie?: string) =>
  app.inject({ method: 'GET', url, remoteAddress, ...(cookie ? { headers: { cookie } } : {}) });

test('GET /api/v1/lookup/{code}?phone= shows procedure, dates, derivation and timeline, and no personal data', async () => {
  const response = await lookup(`/api/v1/lookup/${code}?phone=5678`);
  assert.equal(response.statusCode, 200, response.body);
  const view = response.json();
  assert.equal(view.code, code);
  assert.equal(view.procedureCode, PROCEDURE_CODE);
  assert.equal(view.status, 2);
  assert.equal(view.statusLabel.vi, 'Được tiếp nhận');
  assert.deepEqual(
    view.timeline.map((e: { label: { vi: string } }) => e.label.vi),
    ['Được tiếp nhận'],
  );
  assert.ok(view.dueAt);
  assert.match(view.derivation.vi, /ngày làm việc/);
  for (const personal of PERSONAL.filter((p) => p !== '5678')) {
    assert.ok(!response.body.includes(personal), `lookup leaks ${personal}`);
  }
  // Lower case and spaces around the code are forgiven.
  assert.equal((await lookup(`/api/v1/lookup/${code.toLowerCase()}?phone=5678`)).statusCode, 200);
});

test('a wrong code, a wrong phone, a missing phone and a malformed code look exactly the same', async () => {
  const [seq] = code.split('-').slice(-1);
  const otherCode = code.replace(new RegExp(`${seq}$`), '9999');
  const answers = await Promise.all([
    lookup(`/api/v1/lookup/${code}?phone=0000`),
    lookup(`/api/v1/lookup/${otherCode}?phone=5678`),
    lookup(`/api/v1/lookup/${code}`),
    lookup('/api/v1/lookup/not-a-code?phone=5678'),
  ]);
  const shapes = answers.map((r) => {
    const { error } = r.json();
    return {
      status: r.statusCode,
      code: error.code,
      message: error.message,
      keys: Object.keys(error).sort(),
    };
  });
  for (const shape of shapes) {
    assert.deepEqual(shape, shapes[0]);
  }
  assert.equal(shapes[0]?.status, 404);
});

test('lookups are rate limited per address (429 with Retry-After), other addresses unaffected', async () => {
  const remote = '10.9.1.1';
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    statuses.push((await lookup(`/api/v1/lookup/${code}?phone=0000`, remote)).statusCode);
  }
  assert.deepEqual(statuses.slice(0, 30), Array(30).fill(404));
  const limited = await lookup(`/api/v1/lookup/${code}?phone=5678`, remote);
  assert.equal(limited.statusCode, 429);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.equal((await lookup(`/api/v1/lookup/${code}?phone=5678`, '10.9.1.2')).statusCode, 200);
});

const citizenCookie = (personalIdentifier: string) => signedInCitizen(db, personalIdentifier);

test('the signed-in applicant sees the dossier without the phone; another citizen does not', async () => {
  const applicant = await citizenCookie('001190012345');
  const stranger = await citizenCookie('001190099999');
  assert.equal((await lookup(`/api/v1/lookup/${code}`, undefined, applicant)).statusCode, 200);
  assert.equal((await lookup(`/api/v1/lookup/${code}`, undefined, stranger)).statusCode, 404);
  const page = await lookup(`/tra-cuu?code=${encodeURIComponent(code)}`, undefined, applicant);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Được tiếp nhận'));
  const strangerPage = await lookup(`/tra-cuu?code=${encodeURIComponent(code)}`, undefined, stranger);
  assert.ok(!strangerPage.body.includes('Được tiếp nhận'));
  // The applicant's own dossiers are listed on /tra-cuu; the stranger's list is empty.
  const own = await lookup('/tra-cuu', undefined, applicant);
  assert.ok(own.body.includes('Hồ sơ của bạn'));
  assert.ok(own.body.includes(`/tra-cuu?code=${encodeURIComponent(code)}`));
  const none = await lookup('/tra-cuu', undefined, stranger);
  assert.ok(!none.body.includes('Hồ sơ của bạn'));
});

test('the /tra-cuu page: the QR link pre-fills the code; POST with the phone shows the status; wrong looks the same', async () => {
  const browser = new PageClient(app, '10.9.2.1');
  const form = await browser.get(`/tra-cuu?code=${encodeURIComponent(code)}`);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes(`value="${code}"`));
  const csrf = PageClient.csrfFrom(form.body);
  const found = await browser.post('/tra-cuu', { _csrf: csrf, code, phone: '5678' });
  assert.equal(found.statusCode, 200);
  assert.ok(found.body.includes('Được tiếp nhận'));
  assert.ok(found.body.includes('Hẹn trả kết quả'));
  for (const personal of PERSONAL.filter((p) => p !== '5678')) {
    assert.ok(!found.body.includes(personal), `lookup page leaks ${personal}`);
  }
  const wrongPhone = await browser.post('/tra-cuu', { _csrf: csrf, code, phone: '1111' });
  const wrongCode = await browser.post('/tra-cuu', { _csrf: csrf, code: `${code}0`, phone: '5678' });
  assert.equal(wrongPhone.statusCode, 404);
  assert.equal(wrongCode.statusCode, 404);
  const strip = (body: string) => body.replace(/value="[^"]*"/g, '').replace(/[0-9a-f-]{36}/g, '');
  assert.equal(strip(wrongPhone.body), strip(wrongCode.body));
  // Without the CSRF token the form post is refused.
  assert.equal((await browser.post('/tra-cuu', { code, phone: '5678' })).statusCode, 403);
});

test('instants are ISO 8601 in UTC to the millisecond, as Date#toISOString writes them (microseconds truncated)', async () => {
  const anotherCode = await receive();
  const dossier = await db
    .updateTable('dossiers')
    .set({ received_at: new Date('2026-03-04T05:06:07.891Z'), due_at: null })
    .where('code', '=', anotherCode)
    .returning('id')
    .executeTakeFirstOrThrow();
  // Microseconds the API cannot show: a Date has none, so it is written through SQL.
  await sql`update dossier_status_events set at = '2026-03-04 12:06:07.999999+07'
            where dossier_id = ${dossier.id}`.execute(db);
  const view = (await lookup(`/api/v1/lookup/${anotherCode}?phone=5678`)).json();
  assert.equal(view.receivedAt, '2026-03-04T05:06:07.891Z');
  assert.equal(view.dueAt, null);
  assert.deepEqual(
    view.timeline.map((e: { at: string }) => e.at),
    ['2026-03-04T05:06:07.999Z'],
  );
});
