import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Official holiday tables (issue 6 §2): one per unit and solar year, set by a decision; in practice held
  // by provinces and inherited by the units below them. `content` is the validated HolidayTable as JSON.
  await db.schema
    .createTable('holiday_tables')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('decision_reference', 'text', (c) => c.notNull())
    .addColumn('decision_issued_on', 'text')
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('holiday_tables_pk', ['unit_id', 'year'])
    .addCheckConstraint('holiday_tables_year_check', sql`year between 1800 and 2199`)
    .addCheckConstraint('holiday_tables_reference_check', sql`length(trim(decision_reference)) > 0`)
    .execute();
  // Office hours of a unit (DOMAIN.md "Deadlines": configurable per unit), inherited by the units below.
  await db.schema
    .createTable('office_hours')
    .addColumn('unit_id', 'uuid', (c) => c.primaryKey().references('units.id'))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
