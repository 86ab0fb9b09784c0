import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Online submission (issue 6 §3 "Online"): who submitted, when, and when a receptionist refused it (BM.03
  // is dated at the refusal, not at the submission). An online dossier waits in status 1 until accepted.
  await db.schema
    .alterTable('dossiers')
    .addColumn('citizen_id', 'uuid', (c) => c.references('citizens.id'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('refused_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('dossiers_citizen_idx').on('dossiers').column('citizen_id').execute();
  // The receptionists' "waiting online" list reads status 1 per unit.
  await db.schema
    .createIndex('dossiers_unit_status_idx')
    .on('dossiers')
    .columns(['unit_id', 'status'])
    .execute();
  // A citizen's unfinished form, with the scans already uploaded (stored by hash in the blob store).
  await db.schema
    .createTable('dossier_drafts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('citizen_id', 'uuid', (c) => c.notNull().references('citizens.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('documents', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_drafts_citizen_idx')
    .on('dossier_drafts')
    .columns(['citizen_id', 'updated_at'])
    .execute();
}
