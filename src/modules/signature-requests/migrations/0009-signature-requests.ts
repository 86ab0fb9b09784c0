import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A request to sign one PDF: the leader's signature, then (usually) the unit's seal (issue 5 §4).
  await db.schema
    .createTable('signature_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(sql`state in ('awaiting_leader', 'awaiting_seal', 'completed', 'returned', 'cancelled')`),
    )
    .addColumn('needs_seal', 'boolean', (c) => c.notNull())
    .addColumn('signer_staff_id', 'uuid', (c) => c.notNull().references('staff.id'))
    .addColumn('created_by_staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('sealed_by_staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('current_sha256', 'text', (c) => c.notNull())
    .addColumn('placement', 'jsonb', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('leader_signed_at', 'timestamptz')
    .addColumn('sealed_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('sign_key', 'text')
    .addColumn('seal_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('signature_requests_signer_state')
    .on('signature_requests')
    .columns(['signer_staff_id', 'state'])
    .execute();
  await db.schema
    .createIndex('signature_requests_unit_state')
    .on('signature_requests')
    .columns(['unit_id', 'state'])
    .execute();
  await db.schema
    .createIndex('signature_requests_subject')
    .on('signature_requests')
    .columns(['subject_type', 'subject_id'])
    .execute();
  // The request's own history, readable by the people working on it (the audit log is for auditors).
  await db.schema
    .createTable('signature_request_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('signature_requests.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('note', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signature_request_events_request')
    .on('signature_request_events')
    .column('request_id')
    .execute();
}
