// The calendar pages (issue 6 §2): the public working calendar and its calculator without JavaScript, the
// province administrator's holiday table (rows, errors, the override seen through the API, delete), a
// unit's office hours, and the demo seed of the 2026 table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { loadHolidayTable } from '../fixtures/calendar/fixtures.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const provinceAdmin = await makeStaff(db, { unit: province, role: 'unit_admin' });
const communeAdmin = await makeStaff(db, { unit: commune, role: 'unit_admin' });

let address = 0;
async function signedIn(staff: { username: string; password: string }): Promise<PageClient> {
  const browser = new PageClient(app, `10.7.0.${++address}`);
  assert.equal((await browser.signIn(staff.username, staff.password)).statusCode, 303);
  return browser;
}

async function dueAt(unitId: string, query: Record<string, string>): Promise<string> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/due-date?${new URLSearchParams({ unit: unitId, ...query })}`,
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().dueAt;
}

test('the public page shows the holidays, the office hours and a due date with its derivation', async () => {
  const visitor = new PageClient(app, '10.7.1.1');
  const page = await visitor.get(`/lich-lam-viec?unit=${commune.id}&year=2026`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ngày nghỉ năm 2026/);
  assert.match(page.body, /thứ Hai 16\/02\/2026/);
  assert.match(page.body, /Nghỉ bù Giỗ Tổ Hùng Vương/);
  assert.match(page.body, /07:00–11:30, 13:30–17:00/);
  assert.doesNotMatch(page.body, /Hẹn trả kết quả:/, 'no result before the form is sent');

  // Received Friday 13/02/2026 16:40 with the 15:00 rule, 5 working days: Tết 16–20/02 and the weekend
  // skipped → counted from Monday 23/02 07:00 → due 17:00 Friday 27/02.
  const result = await visitor.get(
    `/lich-lam-viec?unit=${commune.id}&year=2026&kind=workingDays&days=5&cutoffRule=15%3A00&receivedDate=2026-02-13&receivedTime=16%3A40`,
  );
  assert.equal(result.statusCode, 200);
  assert.match(result.body, /Hẹn trả kết quả: 17:00 27\/02\/2026 \(thứ Sáu\)/);
  assert.match(result.body, /nhận 16:40 thứ Sáu 13\/02\/2026/);
  assert.match(result.body, /Tết Nguyên đán/);

  const english = new PageClient(app, '10.7.1.2');
  english.cookies.set('xaso_lang', 'en');
  const inEnglish = await english.get(
    `/lich-lam-viec?unit=${commune.id}&kind=sameDay&cutoffRule=15%3A00&receivedDate=2026-03-03&receivedTime=15%3A01`,
  );
  assert.equal(inEnglish.statusCode, 200);
  assert.match(inEnglish.body, /Result due: 17:00 04\/03\/2026 \(Wednesday\)/);
});

test('the calculator answers bad input with an error summary (400); an unknown unit is a 404', async () => {
  const visitor = new PageClient(app, '10.7.1.3');
  const sameDay = await visitor.get(`/lich-lam-viec?unit=${commune.id}&kind=sameDay&cutoffRule=`);
  assert.equal(sameDay.statusCode, 400);
  assert.match(sameDay.body, /error-summary/);
  assert.match(sameDay.body, /href="#cutoffRule"/);
  const days = await visitor.get(`/lich-lam-viec?unit=${commune.id}&kind=workingDays&days=five`);
  assert.equal(days.statusCode, 400);
  assert.match(days.body, /href="#days"/);
  const date = await visitor.get(
    `/lich-lam-viec?unit=${commune.id}&kind=immediately&receivedDate=13-02-2026`,
  );
  assert.equal(date.statusCode, 400);
  assert.match(date.body, /href="#receivedDate"/);
  const time = await visitor.get(`/lich-lam-viec?unit=${commune.id}&kind=immediately&receivedTime=7h`);
  assert.equal(time.statusCode, 400);
  assert.match(time.body, /href="#receivedTime"/);
  assert.equal(
    (await visitor.get('/lich-lam-viec?unit=00000000-0000-4000-8000-000000000000')).statusCode,
    404,
  );
  assert.equal((await visitor.get('/lich-lam-viec?unit=nonsense')).statusCode, 404);
});

/** The 2027 hypothetical decision as the holiday form posts it. */
function holidayForm(unitId: string): Record<string, string> {
  const table = loadHolidayTable('holidays-2027-hypothetical.json');
  const rows = [
    ...table.daysOff.map((d) => ({
      date: d.date,
      kind: d.kind,
      nameVi: d.name.vi,
      nameEn: d.name.en,
      replaces: '',
    })),
    ...table.workingDays.map((d) => ({
      date: d.date,
      kind: 'working',
      nameVi: d.name.vi,
      nameEn: '',
      replaces: d.replaces ?? '',
    })),
  ];
  const form: Record<string, string> = {
    unit: unitId,
    year: '2027',
    reference: 'Quyết định thử nghiệm số 1/QĐ-TEST',
    issuedOn: '2026-11-20',
    note: '',
    rowCount: String(rows.length + 2),
  };
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      form[`${key}_${i}`] = value;
    }
  });
  return form;
}

test('a province administrator enters a year’s table as rows; the communes below follow it; delete restores the defaults', async () => {
  const admin = await signedIn(provinceAdmin);
  const home = await admin.get('/admin/calendar');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, new RegExp(`/admin/calendar/holidays\\?unit=${province.id}`));

  const editor = await admin.get(`/admin/calendar/holidays?unit=${province.id}&year=2027`);
  assert.equal(editor.statusCode, 200);
  assert.match(editor.body, /Chưa có quyết định cho năm 2027/);
  assert.match(editor.body, /value="2027-02-11"/, 'the defaults are prefilled as rows');
  const csrf = PageClient.csrfFrom(editor.body);

  // Received Thu 04/02/2027 10:00, 1 working day: 5 h on Thursday, 3 h on the next working day.
  const query = { kind: 'workingDays', days: '1', receivedAt: '2027-02-04T10:00:00+07:00' };
  assert.equal(await dueAt(commune.id, query), '2027-02-12T10:00:00+07:00', 'defaults: Friday 12/02 works');

  const saved = await admin.post('/admin/calendar/holidays', { _csrf: csrf, ...holidayForm(province.id) });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  assert.equal(saved.headers.location, `/admin/calendar/holidays?unit=${province.id}&year=2027&notice=saved`);
  assert.equal(
    await dueAt(commune.id, query),
    '2027-02-15T10:00:00+07:00',
    'official: 12/02 off → Monday 15/02',
  );
  const shown = await admin.get(saved.headers.location as string);
  assert.match(shown.body, /Đã lưu/);
  assert.match(shown.body, /Quyết định thử nghiệm số 1\/QĐ-TEST/);
  const audit = await db
    .selectFrom('audit_events')
    .select(['actor_id', 'subject_id'])
    .where('action', '=', 'calendar.holiday_table_set')
    .where('unit_id', '=', province.id)
    .execute();
  assert.deepEqual(audit, [{ actor_id: provinceAdmin.id, subject_id: `${province.id}/2027` }]);

  // The commune administrator sees it without a form.
  const communeView = await (await signedIn(communeAdmin)).get(
    `/admin/calendar/holidays?unit=${province.id}&year=2027`,
  );
  assert.equal(communeView.statusCode, 200);
  assert.match(communeView.body, /chỉ xem được/);
  assert.doesNotMatch(communeView.body, /Lưu bảng ngày nghỉ/);

  const removed = await admin.post('/admin/calendar/holidays/delete', {
    _csrf: csrf,
    unit: province.id,
    year: '2027',
  });
  assert.equal(removed.statusCode, 303);
  assert.equal(await dueAt(commune.id, query), '2027-02-12T10:00:00+07:00');
});

test('the holiday form reports each bad row, keeps what was typed, and adds rows without saving', async () => {
  const admin = await signedIn(provinceAdmin);
  const csrf = PageClient.csrfFrom((await admin.get('/admin/calendar')).body);
  const base = { _csrf: csrf, unit: province.id, year: '2028', reference: '', rowCount: '3' };
  const bad = await admin.post('/admin/calendar/holidays', {
    ...base,
    date_0: '31/02/2028',
    kind_0: 'holiday',
    nameVi_0: 'Ngày lạ',
    date_1: '2027-05-01',
    kind_1: 'holiday',
    nameVi_1: '',
    date_2: '',
    nameVi_2: '',
  });
  assert.equal(bad.statusCode, 400);
  for (const expected of ['#reference', '#date_0', '#date_1', '#nameVi_1']) {
    assert.match(bad.body, new RegExp(`href="${expected}"`), expected);
  }
  assert.match(bad.body, /Dòng 1: Ngày/);
  assert.match(bad.body, /value="31\/02\/2028"/, 'the typed value is kept');
  const none = await db.selectFrom('holiday_tables').select('year').where('year', '=', 2028).execute();
  assert.deepEqual(none, []);

  const more = await admin.post('/admin/calendar/holidays', {
    ...base,
    intent: 'addRows',
    date_0: '2028-01-01',
    kind_0: 'holiday',
    nameVi_0: 'Tết Dương lịch',
  });
  assert.equal(more.statusCode, 200);
  assert.match(more.body, /name="rowCount" value="8"/);
  assert.match(more.body, /value="2028-01-01"/);
});

test('office hours: Saturday morning set on a commune counts in its due dates; bad times are refused', async () => {
  const admin = await signedIn(communeAdmin);
  const page = await admin.get(`/admin/calendar/office-hours?unit=${commune.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Giờ làm việc mặc định/);
  const csrf = PageClient.csrfFrom(page.body);
  const form = {
    _csrf: csrf,
    unit: commune.id,
    morningFrom: '07:00',
    morningTo: '11:30',
    afternoonFrom: '13:30',
    afternoonTo: '17:00',
    saturdayMorning: 'yes',
    saturdayFrom: '07:30',
    saturdayTo: '11:30',
  };
  const post = (extra: Record<string, string>) =>
    admin.app.inject({
      method: 'POST',
      url: '/admin/calendar/office-hours',
      remoteAddress: admin.remoteAddress,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: `${new URLSearchParams({ ...form, ...extra })}&weekday=1&weekday=2&weekday=3&weekday=4&weekday=5`,
    });
  const overlapping = await post({ afternoonFrom: '11:00' });
  assert.equal(overlapping.statusCode, 400);
  assert.match(overlapping.body, /không chồng nhau/);
  const badTime = await post({ morningTo: '25:00' });
  assert.equal(badTime.statusCode, 400);
  assert.match(badTime.body, /href="#morningTo"/);

  // Received Friday 06/03/2026 16:00, 2 working hours: 1 h on Friday, 1 h from Saturday 07:30 → 08:30.
  const hours = { kind: 'workingHours', hours: '2', receivedAt: '2026-03-06T16:00:00+07:00' };
  assert.equal(await dueAt(commune.id, hours), '2026-03-09T08:00:00+07:00');
  const saved = await post({});
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
  assert.equal(await dueAt(commune.id, hours), '2026-03-07T08:30:00+07:00');
  const publicPage = await new PageClient(app, '10.7.1.4').get(`/lich-lam-viec?unit=${commune.id}`);
  assert.match(publicPage.body, /thứ Bảy<\/dt><dd>07:30–11:30/);

  const cleared = await admin.post('/admin/calendar/office-hours/clear', { _csrf: csrf, unit: commune.id });
  assert.equal(cleared.statusCode, 303);
  assert.equal(await dueAt(commune.id, hours), '2026-03-09T08:00:00+07:00');
});

test('the demo seeds the 2026 official table for each province, audited as the system', async () => {
  const demo = await createTestDatabase();
  assert.equal(await seedDemo({ db: demo.db }), true);
  const rows = await demo.db
    .selectFrom('holiday_tables')
    .innerJoin('units', 'units.id', 'holiday_tables.unit_id')
    .select(['units.kind', 'holiday_tables.year', 'holiday_tables.content'])
    .execute();
  assert.equal(rows.length, 2);
  for (const row of rows) {
    assert.equal(row.kind, 'province');
    assert.equal(row.year, 2026);
    assert.deepEqual(row.content, loadHolidayTable('holidays-2026.json'));
  }
  const events = await demo.db
    .selectFrom('audit_events')
    .select(['actor_type'])
    .where('action', '=', 'calendar.holiday_table_set')
    .execute();
  assert.deepEqual(events, [{ actor_type: 'system' }, { actor_type: 'system' }]);
});
