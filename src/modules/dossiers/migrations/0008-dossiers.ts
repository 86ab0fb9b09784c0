import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One dossier record for every intake channel (issue 6 §3).
  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_version_id', 'uuid', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('applicant', 'jsonb', (c) => c.notNull())
    .addColumn('applicant_phone_digits', 'text', (c) => c.notNull())
    .addColumn('applicant_identifier', 'text', (c) => c.notNull())
    .addColumn('documents', 'jsonb', (c) => c.notNull())
    .addColumn('fee_vnd', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz')
    .addColumn('derivation_vi', 'text')
    .addColumn('derivation_en', 'text')
    .addColumn('derivation', 'jsonb', (c) => c.notNull())
    .addColumn('refusal_reasons', 'text')
    .addColumn('received_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('dossiers_status_check', sql`status between 1 and 10`)
    .addCheckConstraint('dossiers_channel_check', sql`channel in ('counter', 'online', 'kiosk', 'api')`)
    .execute();
  await db.schema
    .createIndex('dossiers_applicant_idx')
    .on('dossiers')
    .column('applicant_identifier')
    .execute();
  await db.schema
    .createTable('dossier_status_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_status_events_dossier_idx')
    .on('dossier_status_events')
    .columns(['dossier_id', 'at'])
    .execute();
  // Circular 04/2025: the sequence restarts per deciding body per day; one row per body and Vietnam date,
  // updated (so locked) inside the intake transaction: no duplicates, and a rollback leaves no gap.
  await db.schema
    .createTable('dossier_code_counters')
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_code_counters_pk', ['unit_id', 'day'])
    .execute();
}
