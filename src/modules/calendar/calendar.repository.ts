import type { DbExecutor } from '../../database.ts';
import type { HolidayTable, OfficeHours } from '../../lib/calendar/index.ts';
import type { HolidayTableRow, OfficeHoursRow } from './calendar.table.ts';

/** Every holiday table held by one of `unitIds` (a unit and its ancestors), all years. */
export async function listHolidayTablesOfUnits(
  db: DbExecutor,
  unitIds: readonly string[],
): Promise<HolidayTableRow[]> {
  if (unitIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('holiday_tables')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .orderBy('year')
    .execute();
}

export async function findHolidayTable(
  db: DbExecutor,
  unitId: string,
  year: number,
): Promise<HolidayTableRow | undefined> {
  return db
    .selectFrom('holiday_tables')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertHolidayTable(
  db: DbExecutor,
  values: {
    unitId: string;
    table: HolidayTable;
    reference: string;
    issuedOn: string | null;
    by: string | null;
  },
): Promise<void> {
  const row = {
    decision_reference: values.reference,
    decision_issued_on: values.issuedOn,
    content: JSON.stringify(values.table),
    updated_by: values.by,
    updated_at: new Date(),
  };
  await db
    .insertInto('holiday_tables')
    .values({ unit_id: values.unitId, year: values.table.year, ...row })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet(row))
    .execute();
}

export async function deleteHolidayTableRow(db: DbExecutor, unitId: string, year: number): Promise<boolean> {
  const result = await db
    .deleteFrom('holiday_tables')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listOfficeHoursOfUnits(
  db: DbExecutor,
  unitIds: readonly string[],
): Promise<OfficeHoursRow[]> {
  if (unitIds.length === 0) {
    return [];
  }
  return db.selectFrom('office_hours').selectAll().where('unit_id', 'in', unitIds).execute();
}

export async function upsertOfficeHours(
  db: DbExecutor,
  values: { unitId: string; hours: OfficeHours; by: string | null },
): Promise<void> {
  const row = { content: JSON.stringify(values.hours), updated_by: values.by, updated_at: new Date() };
  await db
    .insertInto('office_hours')
    .values({ unit_id: values.unitId, ...row })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(row))
    .execute();
}

export async function deleteOfficeHoursRow(db: DbExecutor, unitId: string): Promise<boolean> {
  const result = await db.deleteFrom('office_hours').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
