// The working calendar's public API (issue 6 §2): due dates on a unit's inherited calendar, its holidays,
// bad input (400 with fields) and unknown units (404). Every expected instant is worked out by hand in the
// comment beside it, from the office hours 07:00–11:30, 13:30–17:00 (8 working hours a day).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertHolidayTable } from '../../src/modules/calendar/calendar.repository.ts';
import { setHolidayTable } from '../../src/modules/calendar/set-holiday-table.ts';
import { setOfficeHours } from '../../src/modules/calendar/set-office-hours.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { loadHolidayTable } from '../fixtures/calendar/fixtures.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const centre = await makeUnit(db, { parent: commune, kind: 'service-centre' });
const otherProvince = await makeUnit(db);
const otherCommune = await makeUnit(db, { parent: otherProvince });
// The hypothetical 2027 decision: off 05/02–12/02 (Friday 12/02 swapped), Saturday 20/02 worked. The
// Labour Code defaults for 2027 are off 05/02–11/02 only (Tết 06/02 is a Saturday: 10/02 and 11/02 in lieu).
await setHolidayTable({
  db,
  actor: null,
  requestId: null,
  unitId: province.id,
  table: loadHolidayTable('holidays-2027-hypothetical.json'),
});

async function dueDate(query: Record<string, string>) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/due-date?${new URLSearchParams(query)}`,
  });
  return { status: response.statusCode, body: response.json() };
}

test('5 working days received Friday 16:40 before Tết 2026 with the 15:00 cut-off: due 17:00 Friday 27/02', async () => {
  // After 15:00 → from the next working day; Mon 16/02–Fri 20/02 Tết, 21–22 weekend → start Mon 23/02
  // 07:00; five full days 23, 24, 25, 26, 27 → 17:00 Fri 27/02.
  const { status, body } = await dueDate({
    unit: commune.id,
    kind: 'workingDays',
    days: '5',
    cutoff: '15:00',
    receivedAt: '2026-02-13T16:40:00+07:00',
  });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.dueAt, '2026-02-27T17:00:00+07:00');
  assert.deepEqual(
    body.derivation.map((s: { code: string }) => s.code),
    ['RECEIVED', 'START_NEXT_WORKING_DAY', 'STATUTORY_TIME', 'SKIP_DAYS_OFF', 'DUE'],
  );
  for (const step of body.derivation) {
    assert.deepEqual(Object.keys(step).sort(), ['code', 'en', 'vi']);
  }
  assert.match(
    body.text.vi,
    /^nhận 16:40 thứ Sáu 13\/02\/2026 → .*5 ngày làm việc.*Tết Nguyên đán.*hẹn trả 17:00/,
  );
  assert.match(body.text.en, /5 working days/);
});

test('2 working days from Monday 09:00: 6 h on Monday, 8 h on Tuesday, 2 h on Wednesday → 09:00 Wednesday', async () => {
  const { status, body } = await dueDate({
    unit: centre.id,
    kind: 'workingDays',
    days: '2',
    receivedAt: '2026-03-02T02:00:00Z', // 09:00 in Vietnam
  });
  assert.equal(status, 200);
  assert.equal(body.dueAt, '2026-03-04T09:00:00+07:00');
});

test('the province’s official table overrides the defaults for the units below it, not elsewhere', async () => {
  // Received Thu 04/02/2027 10:00, 1 working day = 8 h: 5 h on Thursday (10:00–11:30, 13:30–17:00), 3 h left.
  // Defaults: next working day Fri 12/02 → 10:00 Fri 12/02. Official: 12/02 is off (swapped), 13–14 weekend
  // → 10:00 Mon 15/02.
  const query = { kind: 'workingDays', days: '1', receivedAt: '2027-02-04T10:00:00+07:00' };
  for (const unit of [commune, centre]) {
    const { body } = await dueDate({ unit: unit.id, ...query });
    assert.equal(body.dueAt, '2027-02-15T10:00:00+07:00', unit.name);
  }
  const elsewhere = await dueDate({ unit: otherCommune.id, ...query });
  assert.equal(elsewhere.body.dueAt, '2027-02-12T10:00:00+07:00');
  // The swapped Saturday 20/02 is worked: received Fri 19/02 17:30 (after closing), 1 day → the count starts
  // Sat 20/02 07:00 and ends 17:00 that Saturday; by the defaults, Mon 22/02 17:00.
  const late = { kind: 'workingDays', days: '1', receivedAt: '2027-02-19T17:30:00+07:00' };
  const official = await dueDate({ unit: commune.id, ...late });
  assert.equal(official.body.dueAt, '2027-02-20T17:00:00+07:00');
  assert.ok(official.body.derivation.some((s: { code: string }) => s.code === 'EXTRA_WORKING_DAY'));
  assert.equal((await dueDate({ unit: otherCommune.id, ...late })).body.dueAt, '2027-02-22T17:00:00+07:00');
});

test('a table of a nearer unit wins over the province’s; office hours are inherited the same way', async () => {
  const region = await makeUnit(db, { parent: province, kind: 'department' });
  const ward = await makeUnit(db, { parent: region, kind: 'ward' });
  const nearer = loadHolidayTable('holidays-2027-hypothetical.json');
  await upsertHolidayTable(db, {
    unitId: region.id,
    table: { ...nearer, daysOff: nearer.daysOff.filter((d) => d.date !== '2027-02-12') },
    reference: 'test',
    issuedOn: null,
    by: null,
  });
  const query = { kind: 'workingDays', days: '1', receivedAt: '2027-02-04T10:00:00+07:00' };
  assert.equal((await dueDate({ unit: ward.id, ...query })).body.dueAt, '2027-02-12T10:00:00+07:00');

  // Saturday-morning reception set on the region counts for the ward below it: received Fri 06/03/2026
  // 16:00, 2 working hours → 1 h on Friday, 1 h from Saturday 07:00 → 08:00 Sat 07/03.
  const admin = await makeStaff(db, { unit: province, role: 'unit_admin' });
  const actor = await loadActor(db, (await findStaffById(db, admin.id)) as never);
  const saturday = {
    sessions: [
      { from: '07:00', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5, 6] as const,
    sessionsByWeekday: { 6: [{ from: '07:00', to: '11:30' }] },
  };
  await setOfficeHours({ db, actor, requestId: null, unitId: region.id, officeHours: saturday as never });
  const hours = { kind: 'workingHours', hours: '2', receivedAt: '2026-03-06T16:00:00+07:00' };
  assert.equal((await dueDate({ unit: ward.id, ...hours })).body.dueAt, '2026-03-07T08:00:00+07:00');
  assert.equal((await dueDate({ unit: commune.id, ...hours })).body.dueAt, '2026-03-09T08:00:00+07:00');

  const holidays = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/holidays?unit=${ward.id}&year=2026`,
  });
  assert.deepEqual(holidays.json().officeHours.workingWeekdays, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(holidays.json().officeHours.sessionsByWeekday, [
    { weekday: 6, sessions: [{ from: '07:00', to: '11:30' }] },
  ]);
});

test('same day with the 15:00 cut-off, and the online 1-hour-before-closing rule', async () => {
  // Certification received Tue 03/03/2026 14:59 → by 17:00 that day; at 15:01 → by 17:00 Wednesday.
  const sameDay = { unit: commune.id, kind: 'sameDay', cutoff: '15:00' };
  assert.equal(
    (await dueDate({ ...sameDay, receivedAt: '2026-03-03T14:59:00+07:00' })).body.dueAt,
    '2026-03-03T17:00:00+07:00',
  );
  assert.equal(
    (await dueDate({ ...sameDay, receivedAt: '2026-03-03T15:01:00+07:00' })).body.dueAt,
    '2026-03-04T17:00:00+07:00',
  );
  // Online at 16:10 (within 60 min of closing) → from Wed 07:00; 1 working day → 17:00 Wednesday.
  const online = await dueDate({
    unit: commune.id,
    kind: 'workingDays',
    days: '1',
    beforeClosing: '60',
    receivedAt: '2026-03-03T16:10:00+07:00',
  });
  assert.equal(online.body.dueAt, '2026-03-04T17:00:00+07:00');
});

test('bad input is a 400 naming the fields; an unknown unit is a 404', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ unit: commune.id, kind: 'fortnight' }, 'kind'],
    [{ unit: commune.id, kind: 'workingDays' }, 'days'],
    [{ unit: commune.id, kind: 'workingDays', days: 'five' }, 'days'],
    [{ unit: commune.id, kind: 'sameDay' }, 'cutoff'],
    [{ unit: commune.id, kind: 'workingDays', days: '5', cutoff: '25:00' }, 'cutoff'],
    [
      { unit: commune.id, kind: 'workingDays', days: '5', cutoff: '15:00', beforeClosing: '60' },
      'beforeClosing',
    ],
    [{ unit: commune.id, kind: 'workingDays', days: '5', receivedAt: 'yesterday' }, 'receivedAt'],
    [{ unit: 'not-a-uuid', kind: 'immediately' }, 'unit'],
    [{ kind: 'immediately' }, 'unit'],
  ];
  for (const [query, field] of cases) {
    const { status, body } = await dueDate(query);
    assert.equal(status, 400, JSON.stringify(query));
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    assert.ok(field in (body.error.fields ?? {}), `${JSON.stringify(query)} → ${JSON.stringify(body.error)}`);
  }
  const unknown = await dueDate({ unit: '00000000-0000-4000-8000-000000000000', kind: 'immediately' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.code, 'NOT_FOUND');
  const holidays = await app.inject({
    method: 'GET',
    url: '/api/v1/calendar/holidays?unit=00000000-0000-4000-8000-000000000000&year=2026',
  });
  assert.equal(holidays.statusCode, 404);
  const badYear = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/holidays?unit=${commune.id}&year=1700`,
  });
  assert.equal(badYear.statusCode, 400);
  assert.ok('year' in badYear.json().error.fields);
});

test('GET /api/v1/calendar/holidays: the inherited official table, or the defaults', async () => {
  const official = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/holidays?unit=${centre.id}&year=2027`,
  });
  assert.equal(official.statusCode, 200);
  const body = official.json();
  assert.equal(body.source.kind, 'decision');
  assert.match(body.source.reference, /HYPOTHETICAL/);
  assert.equal(body.setByUnitId, province.id);
  assert.ok(
    body.daysOff.some((d: { date: string; kind: string }) => d.date === '2027-02-12' && d.kind === 'swapped'),
  );
  assert.deepEqual(
    body.workingDays.map((d: { date: string }) => d.date),
    ['2027-02-20'],
  );
  assert.deepEqual(body.officeHours.workingWeekdays, [1, 2, 3, 4, 5]);

  const defaults = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/holidays?unit=${otherCommune.id}&year=2027`,
  });
  const fallback = defaults.json();
  assert.equal(fallback.source.kind, 'default');
  assert.equal(fallback.setByUnitId, null);
  assert.deepEqual(
    fallback.daysOff
      .filter((d: { date: string }) => d.date.startsWith('2027-02'))
      .map((d: { date: string }) => d.date),
    ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  );
});

test('both endpoints are in /api/openapi.json with their query parameters', async () => {
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const dueDateOp = document.paths['/api/v1/calendar/due-date']?.get;
  assert.ok(dueDateOp, 'due-date documented');
  const names = dueDateOp.parameters.map((p: { name: string }) => p.name).sort();
  assert.deepEqual(names, [
    'beforeClosing',
    'channel',
    'cutoff',
    'days',
    'hours',
    'kind',
    'procedure',
    'receivedAt',
    'unit',
  ]);
  assert.ok(dueDateOp.responses['200'].content['application/json'].schema.properties.derivation);
  assert.ok(document.paths['/api/v1/calendar/holidays']?.get);
});
