import { sql } from 'kysely';
import type { DbExecutor, Trx } from '../../database.ts';
import type { DeliveryStatus, NotificationOutboxRow } from './notification.table.ts';

/**
 * Claims up to `limit` due rows for one worker: pending rows whose retry time has come, and rows left
 * `sending` by a worker that died (their lease ran out). One statement: the inner SELECT … FOR UPDATE SKIP
 * LOCKED lets two workers on PostgreSQL take disjoint rows without waiting on each other; on PGlite (one
 * connection, statements in turn) the statement is atomic anyway. Each claimed row is leased until
 * `leaseUntil` and counts one attempt.
 */
export async function claimDueDeliveries(
  db: DbExecutor,
  options: { now: Date; leaseUntil: Date; limit: number },
): Promise<NotificationOutboxRow[]> {
  const result = await sql<NotificationOutboxRow>`
    update notification_outbox
    set status = 'sending', attempts = attempts + 1, next_attempt_at = ${options.leaseUntil}
    where id in (
      select id from notification_outbox
      where status in ('pending', 'sending') and next_attempt_at <= ${options.now}
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows;
}

/**
 * Records the outcome of one claimed attempt, only if the row is still this worker's claim (same attempt
 * number, still `sending`); returns false when another worker took the row over after the lease ran out.
 */
export async function recordDeliveryOutcome(
  trx: Trx,
  claim: { id: string; attempts: number },
  outcome: {
    status: Exclude<DeliveryStatus, 'sending'>;
    nextAttemptAt?: Date;
    sentAt?: Date;
    messageId?: string | null;
    error?: string | null;
  },
): Promise<boolean> {
  const updated = await trx
    .updateTable('notification_outbox')
    .set({
      status: outcome.status,
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
      sent_at: outcome.sentAt ?? null,
      provider_message_id: outcome.messageId ?? null,
      last_error: outcome.error ?? null,
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

export async function listDossierDeliveries(
  db: DbExecutor,
  dossierId: string,
): Promise<NotificationOutboxRow[]> {
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('event_at', 'desc')
    .orderBy('channel')
    .execute();
}
