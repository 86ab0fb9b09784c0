// A dossier's history from the audit log (issue 4 §6): on the staff dossier page with names and on the
// applicant's lookup without them, each event marked verified (signed checkpoint + inclusion proof) or
// pending, views collapsed so the decisive events stay, and each event's offline proof (C2SP tlog-proof)
// downloadable by those who may see the dossier, and by no one else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTlogProof, parseVerifierKey, verifyTlogProof } from '../../src/lib/tlog/index.ts';
import { integrateAuditLog } from '../../src/modules/audit-log/integrate-audit-log.ts';
import { loadOrCreateLogSigner } from '../../src/modules/audit-log/log-key.ts';
import { sequenceAuditEvents } from '../../src/modules/audit-log/sequence-audit-events.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { handOverDossier } from '../../src/modules/workflow/hand-over-dossier.ts';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { testConfig } from '../helpers/test-app.ts';
import { citizenCookie, setUpDossierTests } from './dossier-setup.ts';

const { app, db, dataDir, staffWithToken, receiveThroughApi, commune, province } = await setUpDossierTests();
const signer = loadOrCreateLogSigner(testConfig({ DATA_DIR: dataDir }));
const verifier = parseVerifierKey(signer.verifierKey);
const receptionist = await staffWithToken('receptionist');
const specialist = await staffWithToken('specialist');
const dossier = await receiveThroughApi(receptionist.token, '0912345678');
const other = await receiveThroughApi(receptionist.token, '0900000000');

const get = (url: string, token: string) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

const eventOf = async (action: string, subjectId: string) => {
  await sequenceAuditEvents(db);
  const row = await db
    .selectFrom('audit_events')
    .select(['seq', 'entry'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), entry: row.entry };
};

let address = 0;
const citizenBrowser = () => new PageClient(app, `10.44.0.${++address}`);

async function lookUp(browser: PageClient, code: string, phone: string) {
  const form = await browser.get('/tra-cuu');
  return browser.post('/tra-cuu', { _csrf: PageClient.csrfFrom(form.body), code, phone });
}

test('the staff dossier page shows the history with names, verified once integrated, pending before', async () => {
  const before = await get(`/ho-so/${dossier.code}`, specialist.token);
  assert.equal(before.statusCode, 200, before.body);
  assert.match(before.body, /Nhật ký hồ sơ/);
  assert.match(before.body, /Tiếp nhận hồ sơ/);
  assert.match(before.body, /tag--yellow">Đang chờ xác minh/);
  assert.doesNotMatch(before.body, /tag--green">Đã xác minh/);

  await integrateAuditLog({ db, signer });
  const after = await get(`/ho-so/${dossier.code}`, specialist.token);
  const received = await eventOf('dossier.received', dossier.id);
  assert.match(after.body, /tag--green">Đã xác minh/);
  // The receiving officer by name and title (makeStaff's defaults), and the proof link of the event.
  assert.match(after.body, /Nguyễn Văn Thử \(Chuyên viên\)/);
  assert.ok(after.body.includes(`/ho-so/${dossier.code}/nhat-ky/${received.seq}.tlog-proof`));
  // The view that rendered this page is after the checkpoint: listed among the views, still pending.
  assert.match(after.body, /<details class="details">\s*<summary>Lượt cán bộ xem hồ sơ: 2<\/summary>/);
  assert.match(after.body, /tag--yellow">Đang chờ xác minh/);
});

test('many views never push the decisive events out: all changes shown, views counted and folded', async () => {
  for (let i = 0; i < 25; i++) {
    assert.equal((await get(`/ho-so/${dossier.code}/bien-nhan`, receptionist.token)).statusCode, 200);
  }
  await integrateAuditLog({ db, signer });
  const page = await get(`/ho-so/${dossier.code}`, specialist.token);
  assert.match(page.body, /Tiếp nhận hồ sơ/);
  assert.match(page.body, /Lượt cán bộ xem hồ sơ: 28/);
  assert.match(page.body, /Các lượt xem gần nhất \(20 trên 28\)/);
  assert.match(page.body, /Xem giấy tiếp nhận/);
  // Only the received event is a change; the views table holds at most 20 rows.
  const changes = page.body.split('<details')[0] ?? '';
  assert.equal(changes.match(/Xem hồ sơ/g)?.length ?? 0, 0);
});

test('the staff proof download is a tlog-proof that verifies with the published key alone', async () => {
  const received = await eventOf('dossier.received', dossier.id);
  const response = await get(`/ho-so/${dossier.code}/nhat-ky/${received.seq}.tlog-proof`, specialist.token);
  assert.equal(response.statusCode, 200, response.body);
  assert.match(String(response.headers['content-disposition']), /attachment; filename=".+\.tlog-proof"/);
  const entry = new TextEncoder().encode(received.entry);
  assert.deepEqual(parseTlogProof(response.body).extra, entry);
  verifyTlogProof({ proof: response.body, entry, origin: verifier.name, verifiers: [verifier] });
});

test('proofs are refused to staff of other units, for events of another dossier, and while pending', async () => {
  const received = await eventOf('dossier.received', dossier.id);
  const otherReceived = await eventOf('dossier.received', other.id);
  const outsider = await makeStaff(db, { role: 'receptionist' });
  const { issueApiToken } = await import('../../src/modules/identity/issue-api-token.ts');
  const { accessToken } = await issueApiToken({
    db,
    username: outsider.username,
    password: outsider.password,
    requestId: null,
  });
  const url = `/ho-so/${dossier.code}/nhat-ky/${received.seq}.tlog-proof`;
  assert.equal((await get(url, accessToken)).statusCode, 404);
  assert.equal(
    (await get(`/ho-so/${dossier.code}/nhat-ky/${otherReceived.seq}.tlog-proof`, specialist.token))
      .statusCode,
    404,
  );
  assert.equal(
    (await get(`/ho-so/${dossier.code}/nhat-ky/abc.tlog-proof`, specialist.token)).statusCode,
    404,
  );
  await get(`/ho-so/${dossier.code}`, specialist.token); // a new view, not integrated yet
  const pending = await eventOf('dossier.viewed', dossier.id);
  const response = await get(`/ho-so/${dossier.code}/nhat-ky/${pending.seq}.tlog-proof`, specialist.token);
  assert.equal(response.statusCode, 409);
  assert.ok(commune);
});

test('the applicant sees the history on the lookup without staff names, and downloads proofs with the same check', async () => {
  await integrateAuditLog({ db, signer });
  const browser = citizenBrowser();
  const page = await lookUp(browser, dossier.code, '5678');
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /Nhật ký hồ sơ/);
  assert.match(page.body, /Tiếp nhận hồ sơ/);
  assert.match(page.body, /tag--green">Đã xác minh/);
  assert.match(page.body, /Cán bộ/);
  assert.doesNotMatch(page.body, /Nguyễn Văn Thử/);
  assert.doesNotMatch(page.body, new RegExp(receptionist.id));

  const received = await eventOf('dossier.received', dossier.id);
  const csrf = PageClient.csrfFrom(page.body);
  const download = await browser.post('/tra-cuu/nhat-ky', {
    _csrf: csrf,
    code: dossier.code,
    phone: '5678',
    seq: String(received.seq),
  });
  assert.equal(download.statusCode, 200, download.body);
  const entry = new TextEncoder().encode(received.entry);
  verifyTlogProof({ proof: download.body, entry, origin: verifier.name, verifiers: [verifier] });

  // A wrong phone, another dossier's event, and an unknown code all end in the same 404.
  const otherReceived = await eventOf('dossier.received', other.id);
  for (const form of [
    { code: dossier.code, phone: '0000', seq: String(received.seq) },
    { code: dossier.code, phone: '5678', seq: String(otherReceived.seq) },
    { code: 'NOPE-260101-0001', phone: '5678', seq: String(received.seq) },
  ]) {
    const refused = await browser.post('/tra-cuu/nhat-ky', { _csrf: csrf, ...form });
    assert.equal(refused.statusCode, 404, JSON.stringify(form));
  }
});

test('the signed-in applicant sees the history without the phone and downloads proofs; another citizen cannot', async () => {
  const received = await eventOf('dossier.received', dossier.id);
  for (const [identifier, expected] of [
    ['001190012345', 200],
    ['001190099999', 404],
  ] as const) {
    const browser = citizenBrowser();
    const [name, value] = (await citizenCookie(db, identifier)).split('=') as [string, string];
    browser.cookies.set(name, value);
    const page = await browser.get(`/tra-cuu?code=${encodeURIComponent(dossier.code)}`);
    assert.equal(page.statusCode, 200);
    assert.equal(/Nhật ký hồ sơ/.test(page.body), expected === 200, identifier);
    const download = await browser.post('/tra-cuu/nhat-ky', {
      _csrf: PageClient.csrfFrom(page.body),
      code: dossier.code,
      seq: String(received.seq),
    });
    assert.equal(download.statusCode, expected, identifier);
  }
});

test('staff of a unit the dossier was handed to see its history and proofs, as they see its page', async () => {
  const handed = await receiveThroughApi(receptionist.token, '0911222333');
  const above = await staffWithToken('specialist', province);
  const historyOf = async (token: string) => {
    const page = await get(`/ho-so/${handed.code}`, token);
    return { status: page.statusCode, hasHistory: /Nhật ký hồ sơ/.test(page.body) };
  };
  // Before the hand-over the province reaches neither the page nor its history.
  assert.deepEqual(await historyOf(above.token), { status: 404, hasHistory: false });
  const row = await findStaffById(db, receptionist.id);
  assert.ok(row);
  await handOverDossier({
    db,
    actor: await loadActor(db, row),
    requestId: null,
    code: handed.code,
    toUnitId: province.id,
  });
  await integrateAuditLog({ db, signer });
  assert.deepEqual(await historyOf(above.token), { status: 200, hasHistory: true });
  const received = await eventOf('dossier.received', handed.id);
  const proof = await get(`/ho-so/${handed.code}/nhat-ky/${received.seq}.tlog-proof`, above.token);
  assert.equal(proof.statusCode, 200, proof.body);
  verifyTlogProof({
    proof: proof.body,
    entry: new TextEncoder().encode(received.entry),
    origin: verifier.name,
    verifiers: [verifier],
  });
});
