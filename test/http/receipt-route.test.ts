// The receipt of a received dossier (issue 6 §4), as a page and as a PDF, for staff of its unit only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicantJson, minimalPdf, PROCEDURE_CODE, setUpDossierTests } from './dossier-setup.ts';

const { app, commune, content, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');

const received = await app.inject({
  method: 'POST',
  url: '/api/v1/dossiers',
  headers: { authorization: `Bearer ${receptionist.token}` },
  payload: {
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    applicant: applicantJson(),
    documents: [{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }],
  },
});
assert.equal(received.statusCode, 201, received.body);
const { code } = received.json() as { code: string };

const get = (url: string, token = receptionist.token) =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

test('the receipt page prints the dossier code, applicant, procedure, statutory time and the lookup QR', async () => {
  const page = await get(`/ho-so/${code}/bien-nhan`);
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
  assert.ok(page.body.includes(code));
  assert.match(page.body, /Trần Thị Nộp/);
  const days = content.statutoryTime.kind === 'workingDays' ? content.statutoryTime.days : -1;
  assert.ok(page.body.includes(`${String(days).padStart(2, '0')} ngày làm việc`));
  assert.match(page.body, /<svg/);
  assert.ok(page.body.includes(`/ho-so/${code}/bien-nhan.pdf`));
});

test('the receipt PDF is a PDF named after the dossier', async () => {
  const pdf = await get(`/ho-so/${code}/bien-nhan.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-disposition']), new RegExp(`bien-nhan-${code}\\.pdf`));
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('staff without rights on the unit get 404 for the receipt, as for an unknown code', async () => {
  const clerk = await staffWithToken('clerk');
  assert.equal((await get(`/ho-so/${code}/bien-nhan`, clerk.token)).statusCode, 404);
  assert.equal((await get(`/ho-so/${code}/bien-nhan.pdf`, clerk.token)).statusCode, 404);
  assert.equal((await get('/ho-so/NOPE-260101-0001/bien-nhan')).statusCode, 404);
});
