import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('unit_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('state_digest', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('entry', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_subject_idx')
    .on('audit_events')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('audit_events_unit_idx')
    .on('audit_events')
    .columns(['unit_id', 'seq'])
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('next_seq', 'bigint', (c) => c.notNull())
    .addCheckConstraint('audit_head_single_row', sql`id = 1`)
    .execute();
  await sql`insert into audit_head (id, next_seq) values (1, 0)`.execute(db);
}
