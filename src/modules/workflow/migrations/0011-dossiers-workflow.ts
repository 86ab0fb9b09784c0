import { type Kysely, sql } from 'kysely';

// Dossier processing (issue 7 §1, §4, §5): the workflow state of each dossier beside its intake record, the
// BM.05 hand-overs, the BM.02 supplement requests (clock stops), the processing history and the per-unit
// warning threshold. The dossier's status and due date stay on `dossiers` (changeDossierStatus, due_at).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossier_workflows')
    .addColumn('dossier_id', 'uuid', (c) => c.primaryKey().references('dossiers.id'))
    .addColumn('holder_unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('assignee_staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('assignee_role', 'text')
    .addColumn('step_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('statutory_due_at', 'timestamptz')
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('extended_at', 'timestamptz')
    .addColumn('payment_vnd', 'integer')
    .addColumn('payment_note', 'text')
    .addColumn('result_sha256', 'text')
    .addColumn('result_size', 'integer')
    .addColumn('result_uploaded_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .addColumn('returned_at', 'timestamptz')
    .addColumn('returned_to', 'text')
    .addColumn('closure', 'text')
    .addColumn('closure_reasons', 'text')
    .addColumn('referral', 'jsonb')
    .addCheckConstraint('dossier_workflows_outcome_check', sql`outcome in ('early', 'on_time', 'late')`)
    .addCheckConstraint(
      'dossier_workflows_closure_check',
      sql`closure in ('refused', 'withdrawn', 'stopped', 'referred')`,
    )
    .execute();
  await db.schema
    .createIndex('dossier_workflows_holder_idx')
    .on('dossier_workflows')
    .column('holder_unit_id')
    .execute();
  await db.schema
    .createTable('dossier_handovers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_step', 'integer', (c) => c.notNull())
    .addColumn('to_step', 'integer', (c) => c.notNull())
    .addColumn('from_unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('given_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('given_by_name', 'text', (c) => c.notNull())
    .addColumn('given_at', 'timestamptz', (c) => c.notNull())
    .addColumn('to_staff_id', 'uuid', (c) => c.references('staff.id'))
    .addColumn('to_role', 'text')
    .addColumn('received_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('received_by_name', 'text')
    .addColumn('received_at', 'timestamptz')
    .addColumn('step_due_at', 'timestamptz')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('dossier_handovers_seq_unique', ['dossier_id', 'seq'])
    .addCheckConstraint('dossier_handovers_result_check', sql`result in ('early', 'on_time', 'late')`)
    .execute();
  await db.schema
    .createTable('dossier_supplements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.references('staff.id'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('is_clock_stopped', 'boolean', (c) => c.notNull())
    .addColumn('supplied_at', 'timestamptz')
    .addColumn('supplied_via', 'text')
    .addColumn('files', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('supply_note', 'text')
    .addCheckConstraint('dossier_supplements_via_check', sql`supplied_via in ('counter', 'online')`)
    .execute();
  await db.schema
    .createIndex('dossier_supplements_dossier_idx')
    .on('dossier_supplements')
    .columns(['dossier_id', 'requested_at'])
    .execute();
  await db.schema
    .createTable('dossier_work_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('dossier_work_events_dossier_idx')
    .on('dossier_work_events')
    .columns(['dossier_id', 'at'])
    .execute();
  await db.schema
    .createTable('workflow_unit_settings')
    .addColumn('unit_id', 'uuid', (c) => c.primaryKey().references('units.id'))
    .addColumn('warning_working_days', 'integer', (c) => c.notNull())
    .addCheckConstraint('workflow_unit_settings_days_check', sql`warning_working_days between 0 and 10`)
    .execute();
}
