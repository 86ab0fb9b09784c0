import { type Kysely, sql } from 'kysely';

// The register of results issued (issue 7 §2, Decree 30/2020 Art. 15): one counter row per issuing unit and
// year (the number is taken under its row lock in the sealing transaction, so numbers are gapless and a
// rolled-back seal gives its number back), and one entry per sealed result with its number and symbol.
// Result templates per procedure (issue 7 §2): the province's default and a commune's own, by unit and code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('result_templates')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_templates_pk', ['unit_id', 'procedure_code'])
    .execute();
  await db.schema
    .createTable('result_number_counters')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_number_counters_pk', ['unit_id', 'year'])
    .execute();
  await db.schema
    .createTable('result_register')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notation', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('signature_request_id', 'uuid', (c) =>
      c.notNull().unique().references('signature_requests.id'),
    )
    .addColumn('numbered_by', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('numbered_by_name', 'text', (c) => c.notNull())
    .addColumn('numbered_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('result_register_number_unique', ['unit_id', 'year', 'seq'])
    .execute();
}
