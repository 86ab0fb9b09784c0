// The catalogue admin forms end to end (issue 6 §1.3): plain posted forms, blank rows skipped, Vietnamese
// number formats, error summaries with a 400/409 and the typed values kept, PRG on success.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vietnamDate } from '../../src/modules/catalogue/vietnam-date.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const provinceAdmin = await makeStaff(db, { unit: province, role: 'unit_admin' });
const communeAdmin = await makeStaff(db, { unit: commune, role: 'unit_admin' });

let address = 0;
async function signedIn(staff: { username: string; password: string }): Promise<PageClient> {
  const browser = new PageClient(app, `10.8.0.${++address}`);
  assert.equal((await browser.signIn(staff.username, staff.password)).statusCode, 303);
  return browser;
}
const inDays = (days: number) => vietnamDate(new Date(Date.now() + days * 86_400_000));
const asTyped = (iso: string) => iso.split('-').reverse().join('/');

/** A complete form as an administrator fills it in: row 1 of the documents left blank on purpose. */
function filledForm(code: string, effectiveFrom: string): Record<string, string> {
  return {
    unitId: province.id,
    code,
    effectiveFrom: asTyped(effectiveFrom),
    name: 'Đăng ký hoạt động thử nghiệm',
    nameEn: 'Test registration',
    field: 'Thử nghiệm',
    level: 'commune',
    resultType: 'Giấy chứng nhận',
    legalBasis: 'Nghị định số 118/2025/NĐ-CP\r\n\r\nThông tư số 03/2025/TT-VPCP\r\n',
    'statutoryTime.kind': 'workingDays',
    'statutoryTime.amount': '3',
    'statutoryTime.cutoff': '',
    isExtensionAllowed: 'yes',
    extensionLimitDays: '2',
    'documents.0.name': 'Đơn đề nghị',
    'documents.0.form': 'original',
    'documents.0.count': '1',
    'documents.0.isScanAccepted': 'yes',
    'documents.1.name': '',
    'documents.1.form': 'original',
    'documents.1.count': '1',
    'documents.2.name': 'Bản sao giấy tờ nhân thân',
    'documents.2.form': 'copy',
    'documents.2.count': '2',
    'fees.0.name': 'Lệ phí',
    'fees.0.amountVnd': '100.000',
    'fees.0.per': 'lần',
    'steps.0.name': 'Tiếp nhận',
    'steps.0.role': 'receptionist',
    'steps.0.budget.amount': '4',
    'steps.0.budget.unit': 'workingHours',
    'steps.1.name': 'Thẩm định',
    'steps.1.role': 'specialist',
    'steps.1.budget.amount': '1,5',
    'steps.1.budget.unit': 'workingDays',
  };
}

test('a province administrator creates a procedure through the form; the API shows it as typed', async () => {
  const browser = await signedIn(provinceAdmin);
  const form = await browser.get(`/admin/procedures/new?unit=${province.id}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<html lang="vi">/);
  assert.match(form.body, /name="documents\.2\.name"/, 'blank rows are offered without JavaScript');
  const from = inDays(1);
  const response = await browser.post('/admin/procedures', {
    _csrf: PageClient.csrfFrom(form.body),
    ...filledForm('9.100001', from),
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  const list = await browser.get(response.headers.location ?? '');
  assert.match(list.body, /Đã lưu thay đổi/);
  assert.match(list.body, new RegExp(`Phiên bản 1 từ ${asTyped(from)}`));

  const api = await app.inject({
    method: 'GET',
    url: `/api/v1/procedures/9.100001?unit=${province.id}&at=${from}T08:00:00%2B07:00`,
  });
  const p = api.json();
  assert.equal(api.statusCode, 200, api.body);
  assert.deepEqual(p.legalBasis, ['Nghị định số 118/2025/NĐ-CP', 'Thông tư số 03/2025/TT-VPCP']);
  assert.deepEqual(p.statutoryTime, { kind: 'workingDays', days: 3 });
  assert.equal(p.extensionLimitDays, 2);
  assert.equal(p.isClockStoppable, false);
  assert.deepEqual(
    p.documents.map((d: { name: string; count: number; isScanAccepted: boolean }) => [
      d.name,
      d.count,
      d.isScanAccepted,
    ]),
    [
      ['Đơn đề nghị', 1, true],
      ['Bản sao giấy tờ nhân thân', 2, false],
    ],
  );
  assert.deepEqual(p.fees, [{ name: 'Lệ phí', amountVnd: 100000, per: 'lần' }]);
  assert.deepEqual(p.steps[1].budget, { unit: 'workingDays', amount: 1.5 });
  // Not yet in force today.
  const today = await app.inject({ method: 'GET', url: `/api/v1/procedures/9.100001?unit=${province.id}` });
  assert.equal(today.statusCode, 404);
});

test('invalid forms come back with a 400, an error summary linking each field, and the typed values', async () => {
  const browser = await signedIn(provinceAdmin);
  const page = await browser.get(`/admin/procedures/new?unit=${province.id}`);
  const csrf = PageClient.csrfFrom(page.body);
  const bad = {
    ...filledForm('9.100002', inDays(1)),
    name: '',
    effectiveFrom: '31/02/2026',
    'statutoryTime.amount': 'ba',
    'fees.0.amountVnd': '-5',
    'steps.1.role': 'mayor',
  };
  const response = await browser.post('/admin/procedures', { _csrf: csrf, ...bad });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /class="error-summary"/);
  for (const field of ['name', 'effectiveFrom', 'statutoryTime.amount', 'fees.0.amountVnd', 'steps.1.role']) {
    assert.match(response.body, new RegExp(`href="#${field.replace(/\./g, '\\.')}"`), field);
  }
  assert.match(response.body, /Nhập ngày theo dạng ngày\/tháng\/năm/);
  assert.match(response.body, /Nhập một số nguyên dương/);
  assert.match(response.body, /value="Thẩm định"/, 'typed values are kept');
  assert.match(response.body, /aria-invalid="true"/);

  const past = await browser.post('/admin/procedures', {
    _csrf: csrf,
    ...filledForm('9.100003', inDays(-1)),
  });
  assert.equal(past.statusCode, 400);
  assert.match(past.body, /Ngày hiệu lực không được trước hôm nay/);

  const tooLong = await browser.post('/admin/procedures', {
    _csrf: csrf,
    ...filledForm('9.100004', inDays(1)),
    'steps.1.budget.amount': '3',
  });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /Tổng thời gian các bước vượt quá thời hạn giải quyết/);

  assert.equal(
    (await browser.post('/admin/procedures', { _csrf: csrf, ...filledForm('9.100005', inDays(1)) }))
      .statusCode,
    303,
  );
  const taken = await browser.post('/admin/procedures', {
    _csrf: csrf,
    ...filledForm('9.100005', inDays(2)),
  });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /Đơn vị đã có thủ tục với mã này/);
  const none = await db
    .selectFrom('procedures')
    .select('code')
    .where('code', 'in', ['9.100002', '9.100003', '9.100004'])
    .execute();
  assert.deepEqual(none, []);
});

test('a new version starts from the latest one; a commune adopts it with a lower fee from a date', async () => {
  const admin = await signedIn(provinceAdmin);
  const page = await admin.get(`/admin/procedures/new?unit=${province.id}`);
  const created = await admin.post('/admin/procedures', {
    _csrf: PageClient.csrfFrom(page.body),
    ...filledForm('9.100006', inDays(0)),
  });
  assert.equal(created.statusCode, 303, created.body.slice(0, 400));
  const procedure = await db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', '9.100006')
    .executeTakeFirstOrThrow();

  const versionForm = await admin.get(`/admin/procedures/${procedure.id}/versions/new`);
  assert.equal(versionForm.statusCode, 200);
  assert.match(versionForm.body, /value="Đăng ký hoạt động thử nghiệm"/);
  assert.match(versionForm.body, /value="Bản sao giấy tờ nhân thân"/);
  const next = inDays(10);
  const version = await admin.post(`/admin/procedures/${procedure.id}/versions`, {
    _csrf: PageClient.csrfFrom(versionForm.body),
    ...filledForm('ignored', next),
    'fees.0.amountVnd': '80000',
  });
  assert.equal(version.statusCode, 303, version.body.slice(0, 400));
  const list = await admin.get(`/admin/procedures?unit=${province.id}`);
  assert.match(list.body, new RegExp(`Phiên bản 2 từ ${asTyped(next)}`));

  const local = await signedIn(communeAdmin);
  const adoptForm = await local.get(`/admin/procedures/${procedure.id}/adoption?unit=${commune.id}`);
  assert.equal(adoptForm.statusCode, 200);
  assert.match(adoptForm.body, /Mức của tỉnh: 100.000 đồng\/lần/);
  const csrf = PageClient.csrfFrom(adoptForm.body);
  const tooHigh = await local.post(`/admin/procedures/${procedure.id}/adoption`, {
    _csrf: csrf,
    unitId: commune.id,
    effectiveFrom: asTyped(inDays(0)),
    decision: 'adopt',
    'fees.0.amountVnd': '120.000',
  });
  assert.equal(tooHigh.statusCode, 400);
  assert.match(tooHigh.body, /Mức thu của xã không được cao hơn mức của tỉnh/);
  const adopted = await local.post(`/admin/procedures/${procedure.id}/adoption`, {
    _csrf: csrf,
    unitId: commune.id,
    effectiveFrom: asTyped(inDays(0)),
    decision: 'adopt',
    'fees.0.amountVnd': '0',
    note: 'Miễn lệ phí.',
  });
  assert.equal(adopted.statusCode, 303, adopted.body.slice(0, 400));
  const communeList = await local.get(adopted.headers.location ?? '');
  assert.match(communeList.body, new RegExp(`Áp dụng có điều chỉnh từ ${asTyped(inDays(0))}`));

  const today = await app.inject({ method: 'GET', url: `/api/v1/procedures/9.100006?unit=${commune.id}` });
  assert.equal(today.json().fees[0].amountVnd, 0);
  assert.equal(today.json().adoption.adjustments.note, 'Miễn lệ phí.');
  // Version 2 lowers the province fee to 80.000; the commune's 0 still fits and still applies.
  const later = await app.inject({
    method: 'GET',
    url: `/api/v1/procedures/9.100006?unit=${commune.id}&at=${next}T08:00:00%2B07:00`,
  });
  assert.equal(later.json().versionNo, 2);
  assert.equal(later.json().fees[0].amountVnd, 0);
  const atProvince = await app.inject({
    method: 'GET',
    url: `/api/v1/procedures/9.100006?unit=${province.id}&at=${next}T08:00:00%2B07:00`,
  });
  assert.equal(atProvince.json().fees[0].amountVnd, 80000);
});
