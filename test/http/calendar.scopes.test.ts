// One authorisation test per calendar action (shared/STYLE.md, opencrvs *.scopes.test.ts): each is denied
// without `unit.configure` on the unit (a specialist, another province's or commune's administrator, a
// commune administrator on the province's table) and allowed with it, leaving exactly one audit event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setHolidayTable } from '../../src/modules/calendar/set-holiday-table.ts';
import { loadHolidayTable } from '../fixtures/calendar/fixtures.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const otherProvince = await makeUnit(db);
const otherCommune = await makeUnit(db, { parent: province });

const actors = {
  specialist: await makeStaff(db, { unit: commune, role: 'specialist' }),
  provinceSpecialist: await makeStaff(db, { unit: province, role: 'receptionist' }),
  otherProvinceAdmin: await makeStaff(db, { unit: otherProvince, role: 'unit_admin' }),
  otherCommuneAdmin: await makeStaff(db, { unit: otherCommune, role: 'unit_admin' }),
  communeAdmin: await makeStaff(db, { unit: commune, role: 'unit_admin' }),
  provinceAdmin: await makeStaff(db, { unit: province, role: 'unit_admin' }),
};
type Who = keyof typeof actors;

let address = 0;
async function signedIn(who: Who): Promise<PageClient> {
  const browser = new PageClient(app, `10.8.0.${++address}`);
  assert.equal((await browser.signIn(actors[who].username, actors[who].password)).statusCode, 303);
  return browser;
}

async function auditCount(action: string, subjectId: string): Promise<number> {
  const rows = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', action as never)
    .where('subject_id', '=', subjectId)
    .execute();
  return rows.length;
}

const tableForm = (year: number) => ({
  unit: province.id,
  year: String(year),
  reference: `Quyết định thử ${year}`,
  rowCount: '1',
  date_0: `${year}-01-01`,
  kind_0: 'holiday',
  nameVi_0: 'Tết Dương lịch',
});

interface Action {
  readonly name: string;
  readonly path: string;
  readonly form: (round: number) => Record<string, string>;
  readonly audit: string;
  readonly subject: (round: number) => string;
  readonly prepare?: (round: number) => Promise<void>;
  readonly outcomes: readonly (readonly [Who, number])[];
}

const ACTIONS: readonly Action[] = [
  {
    name: 'set the province holiday table',
    path: '/admin/calendar/holidays',
    form: (round) => tableForm(2030 + round),
    audit: 'calendar.holiday_table_set',
    subject: (round) => `${province.id}/${2030 + round}`,
    outcomes: [
      ['specialist', 403],
      ['provinceSpecialist', 403],
      ['otherProvinceAdmin', 403],
      ['communeAdmin', 403],
      ['provinceAdmin', 303],
    ],
  },
  {
    name: 'delete the province holiday table',
    path: '/admin/calendar/holidays/delete',
    form: (round) => ({ unit: province.id, year: String(2040 + round) }),
    audit: 'calendar.holiday_table_deleted',
    subject: (round) => `${province.id}/${2040 + round}`,
    prepare: async (round) => {
      const table = loadHolidayTable('holidays-2027-hypothetical.json');
      await setHolidayTable({
        db,
        actor: null,
        requestId: null,
        unitId: province.id,
        table: { ...table, year: 2040 + round, daysOff: [], workingDays: [] },
      });
    },
    outcomes: [
      ['specialist', 403],
      ['otherProvinceAdmin', 403],
      ['communeAdmin', 403],
      ['provinceAdmin', 303],
    ],
  },
  {
    name: 'set a commune’s office hours',
    path: '/admin/calendar/office-hours',
    form: (round) => ({
      unit: commune.id,
      morningFrom: `0${(round % 3) + 6}:00`,
      morningTo: '11:30',
      afternoonFrom: '',
      afternoonTo: '',
      weekday: '1',
    }),
    audit: 'calendar.office_hours_set',
    subject: () => commune.id,
    outcomes: [
      ['specialist', 403],
      ['otherCommuneAdmin', 403],
      ['otherProvinceAdmin', 403],
      ['communeAdmin', 303],
      ['provinceAdmin', 303],
    ],
  },
  {
    name: 'clear a commune’s office hours',
    path: '/admin/calendar/office-hours/clear',
    form: () => ({ unit: commune.id }),
    audit: 'calendar.office_hours_cleared',
    subject: () => commune.id,
    outcomes: [
      ['specialist', 403],
      ['otherCommuneAdmin', 403],
      ['communeAdmin', 303],
      ['provinceAdmin', 303],
    ],
  },
];

for (const action of ACTIONS) {
  test(`${action.name}: denied without unit.configure on the unit, allowed with it`, async () => {
    for (const [round, [who, expected]] of action.outcomes.entries()) {
      await action.prepare?.(round);
      const before = await auditCount(action.audit, action.subject(round));
      const browser = await signedIn(who);
      const csrf = PageClient.csrfFrom((await browser.get('/workspace')).body);
      const response = await browser.post(action.path, { _csrf: csrf, ...action.form(round) });
      assert.equal(response.statusCode, expected, `${who}: ${response.body.slice(0, 300)}`);
      const after = await auditCount(action.audit, action.subject(round));
      assert.equal(after, before + (expected === 303 ? 1 : 0), who);
    }
  });
}

test('the admin pages need unit.configure; the workspace links to them only for administrators', async () => {
  const specialist = await signedIn('specialist');
  assert.equal((await specialist.get('/admin/calendar')).statusCode, 403);
  assert.doesNotMatch((await specialist.get('/workspace')).body, /href="\/admin\/calendar"/);
  const admin = await signedIn('communeAdmin');
  assert.match((await admin.get('/workspace')).body, /href="\/admin\/calendar"/);
  // A commune administrator cannot open another commune's office hours, nor another province's table.
  assert.equal((await admin.get(`/admin/calendar/office-hours?unit=${otherCommune.id}`)).statusCode, 404);
  assert.equal(
    (await admin.get(`/admin/calendar/holidays?unit=${otherProvince.id}&year=2026`)).statusCode,
    404,
  );
  const anonymous = await new PageClient(app, '10.8.1.1').get('/admin/calendar');
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/sign-in\?next=/);
});
