import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seal_name', 'text', (c) => c.notNull())
    .addColumn('identifier_code', 'text', (c) => c.notNull().unique())
    .addColumn('exchange_code', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'units_kind_check',
      sql`kind in ('province','department','commune','ward','service-centre')`,
    )
    // Decision 20/2020: at most 35 characters of '.', digits and capital letters.
    .addCheckConstraint('units_identifier_code_check', sql`identifier_code ~ '^[A-Z0-9.]{1,35}$'`)
    .execute();
  await db.schema.createIndex('units_path_idx').on('units').column('path').execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
}
