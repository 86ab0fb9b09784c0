// setHolidayTable's guards: tables are set at province level, name the decision, and are consistent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadHolidayTable } from '../../../test/fixtures/calendar/fixtures.ts';
import { makeUnit } from '../../../test/helpers/factories.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { setHolidayTable } from './set-holiday-table.ts';

const { db } = await createTestDatabase();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const table = loadHolidayTable('holidays-2027-hypothetical.json');

async function refusedWith(options: Parameters<typeof setHolidayTable>[0], field: string): Promise<void> {
  await assert.rejects(setHolidayTable(options), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.ok(field in (error.fields ?? {}), JSON.stringify(error.fields));
    return true;
  });
}

test('a commune cannot hold a table; a table names its decision and is consistent; nothing half-stored', async () => {
  const base = { db, actor: null, requestId: null, unitId: province.id };
  await refusedWith({ ...base, unitId: commune.id, table }, 'unitId');
  await refusedWith(
    { ...base, table: { ...table, source: { kind: 'decision', reference: '  ' } } },
    'reference',
  );
  await refusedWith({ ...base, table: { ...table, source: { kind: 'default' } } }, 'reference');
  const outside = { ...table, daysOff: [...table.daysOff, { ...table.daysOff[0], date: '2028-01-01' }] };
  await refusedWith({ ...base, table: outside as typeof table }, 'table');
  const twice = { ...table, workingDays: [{ date: '2027-02-05', name: { vi: 'x', en: 'x' } }] };
  await refusedWith({ ...base, table: twice }, 'table');
  assert.deepEqual(await db.selectFrom('holiday_tables').select('year').execute(), []);
  assert.deepEqual(
    await db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'calendar.holiday_table_set')
      .execute(),
    [],
  );

  await setHolidayTable({ ...base, table });
  await setHolidayTable({ ...base, table: { ...table, workingDays: [] } });
  const rows = await db
    .selectFrom('holiday_tables')
    .select(['year', 'decision_reference', 'content'])
    .execute();
  assert.equal(rows.length, 1, 'setting a year again replaces its table');
  assert.deepEqual(rows[0]?.content.workingDays, []);
  assert.match(rows[0]?.decision_reference ?? '', /HYPOTHETICAL/);
});
