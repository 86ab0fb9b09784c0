import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('procedures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('procedures_unit_code_key', ['unit_id', 'code'])
    .addCheckConstraint('procedures_code_check', sql`code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$'`)
    .execute();
  await db.schema.createIndex('procedures_code_idx').on('procedures').column('code').execute();
  await db.schema
    .createTable('procedure_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'jsonb', (c) => c.notNull())
    .addColumn('statutory_time', 'jsonb', (c) => c.notNull())
    .addColumn('is_extension_allowed', 'boolean', (c) => c.notNull())
    .addColumn('extension_limit_days', 'integer')
    .addColumn('is_clock_stoppable', 'boolean', (c) => c.notNull())
    .addColumn('documents', 'jsonb', (c) => c.notNull())
    .addColumn('fees', 'jsonb', (c) => c.notNull())
    .addColumn('steps', 'jsonb', (c) => c.notNull())
    .addColumn('result_type', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('procedure_versions_no_key', ['procedure_id', 'version_no'])
    .addUniqueConstraint('procedure_versions_from_key', ['procedure_id', 'effective_from'])
    .addCheckConstraint('procedure_versions_level_check', sql`level in ('commune','province')`)
    .execute();
  await db.schema
    .createTable('procedure_adoptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedures.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('is_adopted', 'boolean', (c) => c.notNull())
    .addColumn('adjustments', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('procedure_adoptions_from_key', ['procedure_id', 'unit_id', 'effective_from'])
    .execute();
  await db.schema
    .createIndex('procedure_adoptions_unit_idx')
    .on('procedure_adoptions')
    .columns(['unit_id', 'procedure_id'])
    .execute();
}
