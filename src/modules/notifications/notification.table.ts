import type { ColumnType, Generated, Selectable } from 'kysely';
import type { NotificationChannelName, NotificationKind } from './notification-kinds.ts';

/** What a message says, fixed at enqueue time; no personal data beyond what the message needs. */
export interface NotificationPayload {
  readonly code: string;
  readonly procedureName: string;
  /** The due date in force when the change happened (ISO), if the dossier has one. */
  readonly dueAt: string | null;
  /** The new due date of a late dossier (BM.04 extension), ISO. */
  readonly newDueAt: string | null;
}

/** pending → sending (claimed by a worker) → sent | pending (retry later) | failed; skipped: channel off. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/**
 * The outbox: one row per message per channel, written in the transaction of the status change, so a
 * rolled-back change never sends anything and a committed one always has its rows.
 */
export interface NotificationOutboxTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  kind: NotificationKind;
  channel: NotificationChannelName;
  /** The e-mail address or phone number, copied from the applicant at enqueue time. */
  recipient: string;
  payload: ColumnType<NotificationPayload, string, string>;
  /** When the change that caused the message happened. */
  event_at: Date;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  /** When the row may be (re)claimed: the retry time while pending, the lease end while sending. */
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  /** The identifier the channel gave the message (SMTP Message-ID, provider id). */
  provider_message_id: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type NotificationOutboxRow = Selectable<NotificationOutboxTable>;

export interface NotificationTables {
  notification_outbox: NotificationOutboxTable;
}
