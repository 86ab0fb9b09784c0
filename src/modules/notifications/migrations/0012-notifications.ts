import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Citizen notifications (issue 7 §6): the outbox, one row per message per channel.
  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossiers.id'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('event_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('provider_message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'notification_outbox_kind_check',
      sql`kind in ('received', 'refused', 'supplement', 'result_ready', 'returned', 'late')`,
    )
    .addCheckConstraint('notification_outbox_channel_check', sql`channel in ('email', 'sms')`)
    .addCheckConstraint(
      'notification_outbox_status_check',
      sql`status in ('pending', 'sending', 'sent', 'failed', 'skipped')`,
    )
    .execute();
  // The worker's claim: only rows still to do, in due order.
  await sql`create index notification_outbox_due_idx on notification_outbox (next_attempt_at)
    where status in ('pending', 'sending')`.execute(db);
  await db.schema
    .createIndex('notification_outbox_dossier_idx')
    .on('notification_outbox')
    .columns(['dossier_id', 'event_at'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_unit_idx')
    .on('notification_outbox')
    .columns(['unit_id', 'event_at'])
    .execute();
  // Statistics (issue 7 §7) filter dossiers by unit and reception period, and find closing status events.
  await db.schema
    .createIndex('dossiers_unit_received_idx')
    .on('dossiers')
    .columns(['unit_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('dossier_status_events_status_idx')
    .on('dossier_status_events')
    .columns(['status', 'at'])
    .execute();
}
