// The statistics dashboard, its CSV and the BM.06 register over HTTP (issue 7 §7): the figures counted by
// hand, the CSV's shape (BOM, header, totals, no formula), and who may see them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { assertRegisterView, registerViews } from '../helpers/read-events.ts';
import { OCTOBER, setUpStatisticsTests } from './statistics-setup.ts';

const { app, db, province, commune, other } = await setUpStatisticsTests();

async function signedIn(
  role: 'receptionist' | 'leader' | 'clerk' | 'specialist' | 'unit_admin',
  unit = commune,
) {
  const staff = await makeStaff(db, { unit, role });
  const client = new PageClient(app);
  await client.signIn(staff.username, staff.password);
  return Object.assign(client, { staffId: staff.id });
}

test('the dashboard shows the figures, two SVG charts with their tables, and the links', async () => {
  const client = await signedIn('leader');
  const page = await client.get(`/thong-ke?${OCTOBER}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2>Xã Thống Kê<\/h2>/);
  assert.equal(page.body.match(/<svg [^>]*role="img" aria-labelledby="chart-/g)?.length, 2);
  assert.match(page.body, /<title id="chart-finished-title">Kết quả giải quyết theo tháng<\/title>/);
  assert.match(page.body, /<desc id="chart-finished-desc">1 trước hạn, 1 đúng hạn, 1 trễ hạn.<\/desc>/);
  // Totals: received 4, in progress 1 (overdue 1), early 1, on time 1, late 1, returned 1, supplements 1,
  // refusals 1, on-time rate 2/3.
  const totals = /<tfoot>(.*?)<\/tfoot>/s.exec(page.body)?.[1] ?? '';
  const cells = [...totals.matchAll(/<strong>([^<]*)<\/strong>/g)].map((m) => m[1]);
  assert.deepEqual(cells, ['4', '1', '1', '1', '1', '1', '1', '1', '1', '66,7 %']);
  assert.match(
    page.body,
    new RegExp(`href="/thong-ke.csv\\?unit=${commune.id}&amp;from=2026-10-01&amp;to=2026-10-31"`),
  );
  assert.match(page.body, /href="\/thong-ke\/so-theo-doi\?unit=/);
  const workspace = await client.get('/workspace');
  assert.match(workspace.body, /href="\/thong-ke"/);
  const perUnit = await client.get(`/thong-ke?${OCTOBER}&nhom=unit`);
  assert.doesNotMatch(/<thead>(.*?)<\/thead>/s.exec(perUnit.body)?.[1] ?? '', /Thủ tục/);
  assert.match(perUnit.body, /<th scope="row" colspan="1">Tổng cộng/);
  assert.match(perUnit.body, /href="\/thong-ke.csv\?[^"]*nhom=unit"/);
});

test('the CSV: UTF-8 with BOM, a header, a line per procedure, the total, no formula', async () => {
  const client = await signedIn('receptionist');
  const csv = await client.get(`/thong-ke.csv?${OCTOBER}`);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(
    String(csv.headers['content-disposition']),
    /attachment; filename="thong-ke-.+-2026-10-01-2026-10-31\.csv"/,
  );
  assert.ok(csv.body.startsWith('\uFEFFĐơn vị,Mã thủ tục,Tên thủ tục,Tiếp nhận,'));
  const lines = csv.body.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[1], `Xã Thống Kê,P.CSV,"'=HYPERLINK(""x"") Cấp phép",4,1,1,1,1,1,1,1,1,66.7`);
  assert.equal(lines[2], 'Xã Thống Kê,,Tổng cộng,4,1,1,1,1,1,1,1,1,66.7');
});

test('the BM.06 register lists the received dossiers in order, without the refusal at intake', async () => {
  const client = await signedIn('receptionist');
  const viewsBefore = (await registerViews(db, 'tracking')).length;
  const page = await client.get(`/thong-ke/so-theo-doi?${OCTOBER}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Sổ theo dõi hồ sơ/);
  const names = [...page.body.matchAll(/<td>(Người [^<]+)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(names, ['Người Chờ', 'Người Sớm', 'Người Đúng', 'Người Trễ']);
  // It names the applicants (issue 4 §1): one `register.viewed` with the period and the four codes, no names.
  const [view, ...more] = (await registerViews(db, 'tracking')).slice(viewsBefore);
  assert.equal(more.length, 0);
  const codes = [...page.body.matchAll(/<td class="nowrap">([^<]+-\d{6}-[^<]+)<\/td>/g)].map(
    (m) => m[1] ?? '',
  );
  assert.equal(codes.length, 4, 'the codes on the page');
  assertRegisterView(view, {
    staffId: client.staffId,
    unitId: commune.id,
    codes,
    filter: { from: '2026-10-01', to: '2026-10-31', procedure: null },
    count: 4,
    personal: names.map(String),
  });
  assert.match(page.body, /08:00 09\/10\/2026/, 'the return time of the first');
  const procedureOnly = await client.get(`/thong-ke/so-theo-doi?${OCTOBER}&procedure=NONE`);
  assert.equal(procedureOnly.statusCode, 200);
  assert.match(procedureOnly.body, /Không có hồ sơ nào/);
  // Whatever is typed as the procedure, the event records a code or 'not-a-code', never the text.
  const typed = await client.get(
    `/thong-ke/so-theo-doi?${OCTOBER}&procedure=${encodeURIComponent('Người Sớm')}`,
  );
  assert.equal(typed.statusCode, 200);
  // A personal identifier (12 digits) or a phone number typed there is not a code either.
  for (const personal of ['001190012345', '0912345678']) {
    assert.equal(
      (await client.get(`/thong-ke/so-theo-doi?${OCTOBER}&procedure=${personal}`)).statusCode,
      200,
    );
  }
  const filters = (await registerViews(db, 'tracking'))
    .slice(-4)
    .map((e) => (e.details as { filter: unknown }).filter);
  assert.deepEqual(filters, [
    { from: '2026-10-01', to: '2026-10-31', procedure: 'NONE' },
    { from: '2026-10-01', to: '2026-10-31', procedure: 'not-a-code' },
    { from: '2026-10-01', to: '2026-10-31', procedure: 'not-a-code' },
    { from: '2026-10-01', to: '2026-10-31', procedure: 'not-a-code' },
  ]);
});

test('authorisation: clerks and specialists are refused, another commune too; a province admin may choose', async () => {
  const viewsBefore = (await registerViews(db, 'tracking')).length;
  for (const role of ['clerk', 'specialist'] as const) {
    const client = await signedIn(role);
    for (const path of ['/thong-ke', '/thong-ke.csv', '/thong-ke/so-theo-doi']) {
      assert.equal((await client.get(`${path}?${OCTOBER}`)).statusCode, 403, `${role} ${path}`);
    }
  }
  assert.equal((await registerViews(db, 'tracking')).length, viewsBefore, 'refused reads write nothing');
  const elsewhere = await signedIn('receptionist', other);
  assert.equal((await elsewhere.get(`/thong-ke?unit=${commune.id}&${OCTOBER}`)).statusCode, 403);
  assert.equal((await elsewhere.get(`/thong-ke.csv?unit=${commune.id}&${OCTOBER}`)).statusCode, 403);
  assert.doesNotMatch((await elsewhere.get(`/thong-ke/so-theo-doi?${OCTOBER}`)).body, /Người Sớm/);
  const admin = await signedIn('unit_admin', province);
  const provinceWide = await admin.get(`/thong-ke?${OCTOBER}`);
  assert.equal(provinceWide.statusCode, 200);
  assert.match(provinceWide.body, /<td>Xã Thống Kê<\/td>/, 'the province counts its communes');
  assert.equal((await admin.get(`/thong-ke?unit=${commune.id}&${OCTOBER}`)).statusCode, 200);
  const anonymous = new PageClient(app);
  const redirected = await anonymous.get('/thong-ke.csv');
  assert.equal(redirected.statusCode, 303);
  assert.match(String(redirected.headers.location), /^\/sign-in\?next=/);
});

test('a bad period is a 400 naming the field, never a 500', async () => {
  const client = await signedIn('leader');
  for (const query of [
    'from=2026-13-01',
    'from=2026-10-31&to=2026-10-01',
    'from=2019-01-01&to=2026-01-01',
    'from=x&to=y',
  ]) {
    const response = await client.get(`/thong-ke?${query}`);
    assert.equal(response.statusCode, 400, query);
    assert.match(response.body, /class="error-summary"/, query);
    assert.match(response.body, /aria-invalid="true"/, query);
    assert.equal((await client.get(`/thong-ke.csv?${query}`)).statusCode, 400, query);
  }
  const reversed = await client.get('/thong-ke?from=2026-10-31&to=2026-10-01');
  assert.match(reversed.body, /Ngày kết thúc phải sau ngày bắt đầu/);
  assert.match(reversed.body, /value="2026-10-31"/, 'the dates as typed');
});

test('GET /api/v1/statistics: the same figures with a bearer token; refused without statistics.read', async () => {
  const tokenOf = async (role: 'receptionist' | 'clerk') => {
    const staff = await makeStaff(db, { unit: commune, role });
    return (await issueApiToken({ db, username: staff.username, password: staff.password, requestId: null }))
      .accessToken;
  };
  const url = `/api/v1/statistics?unitId=${commune.id}&from=2026-10-01&to=2026-10-31`;
  const ok = await app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await tokenOf('receptionist')}` },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const body = ok.json();
  assert.equal(body.from, '2026-10-01');
  assert.deepEqual(body.totals, {
    received: 4,
    inProgress: 1,
    overdue: 1,
    early: 1,
    onTime: 1,
    late: 1,
    returned: 1,
    supplements: 1,
    refusals: 1,
    onTimeRate: 2 / 3,
  });
  assert.equal(body.rows[0].procedureCode, 'P.CSV');
  assert.equal(body.months.length, 1);
  const denied = await app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await tokenOf('clerk')}` },
  });
  assert.equal(denied.statusCode, 403);
  assert.equal(denied.json().error.code, 'FORBIDDEN');
  assert.equal((await app.inject({ method: 'GET', url })).statusCode, 401);
  const bad = await app.inject({
    method: 'GET',
    url: '/api/v1/statistics?from=2026-10-31&to=2026-10-01',
    headers: { authorization: `Bearer ${await tokenOf('receptionist')}` },
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields, { to: 'periodOrder' });
});
