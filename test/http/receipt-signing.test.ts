// The receiving officer signs a dossier's BM.01 receipt with their own credential (issue 6 §4 via issue 5's
// signature requests, no seal): the signed PDF carries one valid B-T signature in the officer's block;
// a second post returns the same signed receipt; an officer without a credential gets a clear 400.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { generate } from 'otplib';
import { readPdfLayout, verifyPdf } from '../../src/lib/pdf/index.ts';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import { listTrustAnchors } from '../../src/modules/signing/list-trust-anchors.ts';
import { makePerson, SIGNING_PIN } from '../fixtures/signature-requests.ts';
import { dossierViews } from '../helpers/read-events.ts';
import { applicantJson, minimalPdf, PROCEDURE_CODE, setUpDossierTests } from './dossier-setup.ts';

const { app, db, commune, staffWithToken } = await setUpDossierTests();
const kek = Buffer.alloc(32, 9);
const officer = await makePerson(db, kek, commune, 'receptionist', 'Đỗ Thị Tiếp Nhận', true);
const { accessToken: token } = await issueApiToken({
  db,
  username: officer.username,
  password: officer.password,
  requestId: null,
});

const received = await app.inject({
  method: 'POST',
  url: '/api/v1/dossiers',
  headers: { authorization: `Bearer ${token}` },
  payload: {
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    applicant: applicantJson(),
    documents: [{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }],
  },
});
assert.equal(received.statusCode, 201, received.body);
const { code } = received.json() as { code: string };

const sign = async (bearer: string, step = 0) =>
  app.inject({
    method: 'POST',
    url: `/ho-so/${code}/bien-nhan/ky-so`,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      pin: SIGNING_PIN,
      otp: await generate({ secret: officer.totpSecret, epoch: Math.floor(Date.now() / 1000) + step * 30 }),
      idempotencyKey: randomBytes(16).toString('base64url'),
    }).toString(),
  });

test('an officer without a credential is told so; staff without the role see nothing', async () => {
  const plain = await staffWithToken('receptionist');
  const refused = await sign(plain.token);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /error-summary/);
  assert.match(refused.body, /chưa có chứng thư số/);
  const outsider = await staffWithToken('clerk');
  assert.equal((await sign(outsider.token)).statusCode, 404);
});

test('the receiving officer signs the receipt once; the signed PDF verifies', async () => {
  const page = await app.inject({
    method: 'GET',
    url: `/ho-so/${code}/bien-nhan`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.ok(page.body.includes(`/ho-so/${code}/bien-nhan/ky-so`));
  const form = await app.inject({
    method: 'GET',
    url: `/ho-so/${code}/bien-nhan/ky-so`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.match(form.body, /name="otp"/);
  const signed = await sign(token);
  assert.equal(signed.statusCode, 303, signed.body);
  const pdf = await app.inject({
    method: 'GET',
    url: `/ho-so/${code}/bien-nhan-da-ky.pdf`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(pdf.statusCode, 200);
  // The signed receipt names the applicant: its download is a `dossier.viewed` event (issue 4 §1).
  assert.deepEqual(
    (await dossierViews(db, code, 'signed-receipt')).map((e) => e.actor_id),
    [officer.id],
  );
  const [receiptRequest] = await db
    .selectFrom('signature_requests')
    .select('id')
    .where('subject_type', '=', 'receipt')
    .where('subject_id', '=', code)
    .execute();
  assert.ok(receiptRequest);
  const requestPdf = await app.inject({
    method: 'GET',
    url: `/api/v1/signature-requests/${receiptRequest.id}/pdf`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(requestPdf.statusCode, 200);
  assert.equal((await dossierViews(db, code, 'signature-pdf')).length, 1, 'through the API too');
  const report = await verifyPdf(pdf.rawPayload, { trustAnchors: await listTrustAnchors(db) });
  assert.equal(report.signatures.length, 1);
  assert.equal(report.signatures[0]?.level, 'B-T');
  assert.notEqual(report.signatures[0]?.verdict, 'TOTAL_FAILED');
  assert.equal(report.signatures[0]?.signer?.commonName, 'Đỗ Thị Tiếp Nhận');
  assert.deepEqual(
    readPdfLayout(pdf.rawPayload).signatureFields.map((f) => f.name),
    ['Leader'],
  );
  // Again: the same signed receipt, no second signature, no second request.
  assert.equal((await sign(token, 1)).statusCode, 303);
  const requests = await db
    .selectFrom('signature_requests')
    .select('state')
    .where('subject_id', '=', code)
    .execute();
  assert.deepEqual(
    requests.map((r) => r.state),
    ['completed'],
  );
  const done = await app.inject({
    method: 'GET',
    url: `/ho-so/${code}/bien-nhan/ky-so`,
    headers: { authorization: `Bearer ${token}` },
  });
  assert.match(done.body, /bien-nhan-da-ky\.pdf/);
});
