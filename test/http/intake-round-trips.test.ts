// Intake's cost in database round trips (issue 6 "Speed": count them in a test, not timings). A plugin
// counts the statements the app sends; an intake opens no transaction (its one write statement carries the
// audit event).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getWorkingCalendar } from '../../src/modules/calendar/get-working-calendar.ts';
import { setOfficeHours } from '../../src/modules/calendar/set-office-hours.ts';
import { adoptProcedure } from '../../src/modules/catalogue/adopt-procedure.ts';
import { vietnamDate } from '../../src/modules/catalogue/vietnam-date.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { makeStaff } from '../helpers/factories.ts';
import { logStatements } from '../helpers/statement-log.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { applicantJson, PROCEDURE_CODE, setUpDossierTests } from './dossier-setup.ts';

const setup = await setUpDossierTests();
const { db, statements } = logStatements(setup.db);
const { app } = await createTestApp({ db, config: setup.config });
const { token } = await setup.staffWithToken('receptionist');

function postIntake() {
  return app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      unitId: setup.commune.id,
      procedureCode: PROCEDURE_CODE,
      applicant: applicantJson(),
      documents: [{ index: 0, files: [] }],
    },
  });
}

async function intake(): Promise<{ code: string; statements: string[] }> {
  statements.length = 0;
  const response = await postIntake();
  assert.equal(response.statusCode, 201, response.body);
  return { code: response.json().code, statements: [...statements] };
}

test('a warm intake is ONE statement (token, unit, procedure, calendar and a block of codes in memory); a lookup 1', async () => {
  const cold = await intake();
  assert.deepEqual(cold.statements, [
    'api_tokens', // the token with its staff member and roles (then remembered for a few seconds)
    'units', // the unit with its ancestors
    'procedures', // the procedure with its versions and the adoption in force
    'units', // the working calendar: the unit's ancestry,
    'holiday_tables', // its holiday tables
    'office_hours', // and office hours (then cached)
    "with relaxed as (select set_config('sync", // a block of codes (one number), its own statement
    'dossier-insert', // the dossier, its first status, message and audit event
  ]);
  // Within a second of the first block, the next reservation doubles: two numbers, one used now.
  const second = await intake();
  assert.deepEqual(second.statements, ["with relaxed as (select set_config('sync", 'dossier-insert']);
  const warm = await intake();
  assert.deepEqual(warm.statements, ['dossier-insert']);
  const numbers = [cold, second, warm].map((i) => Number(i.code.split('-').at(-1)));
  assert.deepEqual(numbers, [numbers[0], numbers[0]! + 1, numbers[0]! + 2], 'consecutive within the process');
  const dossier = await setup.db
    .selectFrom('dossiers')
    .select('id')
    .where('code', '=', warm.code)
    .executeTakeFirstOrThrow();
  const event = await setup.db
    .selectFrom('audit_events')
    .select(['action', 'request_id'])
    .where('subject_id', '=', dossier.id)
    .execute();
  assert.equal(event.length, 1, 'the audit event went in with the dossier');
  assert.equal(event[0]?.action, 'dossier.received');
  statements.length = 0;
  const lookup = await app.inject({ method: 'GET', url: `/api/v1/lookup/${warm.code}?phone=5678` });
  assert.equal(lookup.statusCode, 200, lookup.body);
  assert.deepEqual(statements, ['dossier-lookup']); // the prepared statement, by its name
});

test('changing office hours clears the cached calendar at once', async () => {
  const admin = await makeStaff(setup.db, { unit: setup.commune, role: 'unit_admin' });
  const staff = await findStaffById(setup.db, admin.id);
  assert.ok(staff);
  const before = await getWorkingCalendar({ db, unitId: setup.commune.id });
  const hours: typeof before.officeHours = {
    ...before.officeHours,
    sessions: [{ from: '07:30', to: '11:00' }],
  };
  await setOfficeHours({
    db,
    actor: await loadActor(setup.db, staff),
    requestId: null,
    unitId: setup.commune.id,
    officeHours: hours,
  });
  const after = await getWorkingCalendar({ db, unitId: setup.commune.id });
  assert.notDeepEqual(after.officeHours, before.officeHours);
  assert.equal(after.officeHoursFrom, setup.commune.id);
  statements.length = 0;
  await getWorkingCalendar({ db, unitId: setup.commune.id });
  assert.deepEqual(statements, [], 'served from the cache');
});

test('withdrawing the procedure at the commune refuses the very next intake (the cached procedure is voided)', async () => {
  await intake();
  const procedure = await setup.db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', PROCEDURE_CODE)
    .executeTakeFirstOrThrow();
  await adoptProcedure({
    db: setup.db,
    actor: null,
    requestId: null,
    procedureId: procedure.id,
    unitId: setup.commune.id,
    effectiveFrom: vietnamDate(new Date()),
    isAdopted: false,
  });
  const response = await postIntake();
  assert.equal(response.statusCode, 400, response.body);
  assert.match(response.body, /procedureNotProvided/);
});
