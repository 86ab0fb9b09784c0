// The signature requests JSON API (/api/v1/signature-requests): submit a PDF, the leader's and the clerk's
// queues, one request with its hashes and, once sealed, its verification URL, the PDF. Authorisation:
// each call refused without a token, without the role (document.submit) or from another unit.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import { sealSignatureRequests } from '../../src/modules/signature-requests/seal-signature-requests.ts';
import { signSignatureRequests } from '../../src/modules/signature-requests/sign-signature-requests.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import {
  makePerson,
  makeSigningUnit,
  otpClock,
  SIGNING_PIN,
  type SigningPerson,
} from '../fixtures/signature-requests.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xaso-sigreq-api-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const config = testConfig({ DATA_DIR: dataDir });
const { app, db } = await createTestApp({ config });
const kek = config.secrets.keyEncryption;
const blobStore = createFileSystemBlobStore(join(dataDir, 'blobs'));
const people = await makeSigningUnit(db, kek);
const other = await makeSigningUnit(db, kek);
const receptionist = await makePerson(db, kek, people.unit, 'receptionist', 'Ngô Tiếp Nhận');

const tokenOf = async (person: SigningPerson) =>
  (await issueApiToken({ db, username: person.username, password: person.password, requestId: null }))
    .accessToken;
const api = (token: string | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({
    method,
    url: `/api/v1/signature-requests${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });

test('submit, queues, one request, its PDF; signed and sealed: the verification URL', async () => {
  const specialist = await tokenOf(people.specialist);
  const leader = await tokenOf(people.leader);
  const clerk = await tokenOf(people.clerk);
  const body = {
    unitId: people.unit.id,
    title: 'Quyết định phê duyệt kế hoạch',
    signerStaffId: people.leader.id,
    pdfBase64: Buffer.from(await basePdf(1)).toString('base64'),
  };
  const created = await api(specialist, 'POST', '', body);
  assert.equal(created.statusCode, 201, created.body);
  const { id, documentSha256, state } = created.json();
  assert.equal(state, 'awaiting_leader');
  assert.match(documentSha256, /^[0-9a-f]{64}$/);

  assert.deepEqual(
    (await api(leader, 'GET', '')).json().items.map((r: { id: string }) => r.id),
    [id],
  );
  assert.deepEqual((await api(clerk, 'GET', '')).json().items, [], 'not yet awaiting the seal');
  const one = await api(leader, 'GET', `/${id}`);
  assert.equal(one.statusCode, 200, one.body);
  assert.equal(one.json().canSign, true);
  assert.equal(one.json().verificationUrl, null);
  assert.equal(one.json().signerName, 'Hoàng Văn Thành');
  const pdf = await api(leader, 'GET', `/${id}/pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');

  // Signing stays with PIN + code (pages or CSC); the API then shows the outcome.
  const tick = otpClock();
  const leaderClock = await tick(people.leader.totpSecret);
  await signSignatureRequests({
    ...{ db, blobStore, keyEncryptionKey: kek, requestId: null, requestIds: [id], pin: SIGNING_PIN },
    actor: people.leader.actor,
    otp: leaderClock.otp,
    now: leaderClock.now,
    idempotencyKey: randomBytes(16).toString('base64url'),
  });
  assert.deepEqual(
    (await api(clerk, 'GET', '')).json().items.map((r: { id: string }) => r.id),
    [id],
  );
  const clerkClock = await tick(people.clerk.totpSecret);
  await sealSignatureRequests({
    ...{ db, blobStore, keyEncryptionKey: kek, requestId: null, requestIds: [id], pin: SIGNING_PIN },
    actor: people.clerk.actor,
    otp: clerkClock.otp,
    now: clerkClock.now,
    idempotencyKey: randomBytes(16).toString('base64url'),
    publicUrl: config.publicUrl,
  });
  const completed = (await api(specialist, 'GET', `/${id}`)).json();
  assert.equal(completed.state, 'completed');
  assert.equal(completed.verificationUrl, `${config.publicUrl.replace(/\/+$/, '')}/xac-minh/${id}`);
  assert.notEqual(completed.documentSha256, documentSha256, 'the hash is the signed PDF’s');
  assert.deepEqual(
    completed.events.map((e: { step: string }) => e.step),
    ['created', 'signed', 'sealed'],
  );
});

test('authorisation: no token, no role, another unit: refused; bad input: precise 4xx', async () => {
  const pdfBase64 = Buffer.from(await basePdf(1)).toString('base64');
  const body = { unitId: people.unit.id, title: 'Phân quyền', signerStaffId: people.leader.id, pdfBase64 };
  assert.equal((await api(undefined, 'GET', '')).statusCode, 401);
  assert.equal((await api(undefined, 'POST', '', body)).statusCode, 401);
  assert.equal((await api(await tokenOf(receptionist), 'POST', '', body)).statusCode, 403);
  const outsider = await tokenOf(other.specialist);
  assert.equal((await api(outsider, 'POST', '', body)).statusCode, 403);

  const specialist = await tokenOf(people.specialist);
  const created = await api(specialist, 'POST', '', body);
  assert.equal(created.statusCode, 201);
  const { id } = created.json();
  assert.equal((await api(outsider, 'GET', `/${id}`)).statusCode, 404, 'not disclosed to another unit');
  assert.equal((await api(outsider, 'GET', `/${id}/pdf`)).statusCode, 404);
  assert.deepEqual((await api(await tokenOf(other.leader), 'GET', '')).json().items, []);
  assert.equal((await api(specialist, 'GET', '/not-an-id')).statusCode, 400);

  const notPdf = await api(specialist, 'POST', '', {
    ...body,
    pdfBase64: Buffer.from('hello').toString('base64'),
  });
  assert.equal(notPdf.statusCode, 415);
  assert.equal(
    (await api(specialist, 'POST', '', { ...body, pdfBase64: '***not base64***' })).statusCode,
    400,
  );
  const wrongSigner = await api(specialist, 'POST', '', { ...body, signerStaffId: other.leader.id });
  assert.equal(wrongSigner.statusCode, 400);
  assert.equal(wrongSigner.json().error.fields.signer, 'signerInvalid');
});
