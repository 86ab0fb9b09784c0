import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { AuditAction } from '../audit-log/audit-actions.ts';
import { claimDueDeliveries, recordDeliveryOutcome } from './notification.repository.ts';
import type { DeliveryStatus, NotificationOutboxRow } from './notification.table.ts';
import { DeliveryError, type NotificationChannel, type OutgoingMessage } from './notification-channel.ts';
import type { NotificationChannelName } from './notification-kinds.ts';
import { renderEmail, renderSms } from './notification-message.ts';

export interface DeliveryPolicy {
  /** Attempts before a message is given up as failed. */
  readonly maxAttempts: number;
  /** Delay after the first failed attempt; doubled after each further one, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long a claimed row stays this worker's before another may take it over. */
  readonly leaseMs: number;
  readonly batchSize: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3600_000,
  leaseMs: 5 * 60_000,
  batchSize: 20,
};

export interface DeliveryRunResult {
  readonly claimed: number;
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Exponential backoff: base · 2^(attempt − 1), capped. */
export function retryDelayMs(policy: DeliveryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

function render(row: NotificationOutboxRow, publicUrl: string): OutgoingMessage {
  if (row.channel === 'email') {
    return { to: row.recipient, ...renderEmail(row.kind, row.payload, publicUrl) };
  }
  return { to: row.recipient, subject: '', text: renderSms(row.kind, row.payload, publicUrl) };
}

const AUDITED: Partial<Record<DeliveryStatus, AuditAction>> = {
  sent: 'notification.sent',
  failed: 'notification.failed',
  skipped: 'notification.skipped',
};

/**
 * One pass of the worker: claims the due rows, sends each through its channel (outside any transaction:
 * a slow SMTP server holds no lock), then records each outcome with its audit event in one transaction.
 * A channel that is not configured marks its rows skipped. A send that succeeded but whose outcome could
 * not be recorded (crash) is sent again after the lease: delivery is at least once, as with any outbox.
 */
export async function deliverNotifications(options: {
  db: Db;
  channels: ReadonlyMap<NotificationChannelName, NotificationChannel>;
  publicUrl: string;
  policy?: DeliveryPolicy;
  now?: () => Date;
}): Promise<DeliveryRunResult> {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const now = options.now ?? (() => new Date());
  const start = now();
  const claimed = await claimDueDeliveries(options.db, {
    now: start,
    leaseUntil: new Date(start.getTime() + policy.leaseMs),
    limit: policy.batchSize,
  });
  const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  // RETURNING has no order: send in the order things happened, so "received" never follows "late".
  const inOrder = [...claimed].sort(
    (a, b) => a.event_at.getTime() - b.event_at.getTime() || a.created_at.getTime() - b.created_at.getTime(),
  );
  for (const row of inOrder) {
    const channel = options.channels.get(row.channel);
    let outcome: Parameters<typeof recordDeliveryOutcome>[2];
    if (!channel) {
      outcome = { status: 'skipped', error: 'channel not configured' };
    } else {
      try {
        const { messageId } = await channel.send(render(row, options.publicUrl));
        outcome = { status: 'sent', sentAt: now(), messageId };
      } catch (error) {
        const isPermanent = error instanceof DeliveryError && error.isPermanent;
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        outcome =
          isPermanent || row.attempts >= policy.maxAttempts
            ? { status: 'failed', error: message }
            : {
                status: 'pending',
                error: message,
                nextAttemptAt: new Date(now().getTime() + retryDelayMs(policy, row.attempts)),
              };
      }
    }
    const action = AUDITED[outcome.status];
    await options.db.transaction().execute(async (trx) => {
      const isMine = await recordDeliveryOutcome(trx, row, outcome);
      if (isMine && action) {
        await appendAuditEvent(trx, {
          actor: { type: 'system', id: null },
          action,
          unitId: row.unit_id,
          subjectType: 'notification',
          subjectId: row.id,
          requestId: null,
          details: {
            dossierId: row.dossier_id,
            kind: row.kind,
            channel: row.channel,
            attempts: row.attempts,
          },
        });
      }
    });
    counts[outcome.status === 'pending' ? 'retrying' : outcome.status] += 1;
  }
  return { claimed: claimed.length, ...counts };
}
