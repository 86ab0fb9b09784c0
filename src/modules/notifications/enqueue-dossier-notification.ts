import { type RawBuilder, sql } from 'kysely';
import type { Trx } from '../../database.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import { type NotificationKind, STATUS_NOTIFICATIONS } from './notification-kinds.ts';

export interface DossierNotificationInput {
  readonly dossierId: string;
  readonly kind: NotificationKind;
  /** When the change happened (shown to staff; the first attempt is due at once). */
  readonly at: Date;
  /** The new appointment of a late dossier (kind 'late', BM.04). */
  readonly newDueAt?: Date | undefined;
}

/**
 * Queues the citizen's message about a dossier change, one outbox row per channel the applicant can be
 * reached on (e-mail if given, SMS to the phone), INSIDE the caller's transaction: a rolled-back change
 * leaves no row, so nothing is ever sent for it. The worker (notification-worker.ts) sends after commit.
 * The payload keeps only the code, the procedure and the dates: no name, no identifier number.
 */
export async function enqueueDossierNotification(trx: Trx, input: DossierNotificationInput): Promise<number> {
  // One statement (intake counts its round trips), reading the row being written.
  const result = await notificationOutboxInsert(
    sql`(select * from dossiers where id = ${input.dossierId})`,
    input,
  ).execute(trx);
  return result.rows.length;
}

/**
 * The INSERT of the outbox rows of one message about each dossier row of `source` (the dossiers table
 * narrowed to one id, or the `returning` of a dossier insert in the same statement: intake writes the
 * dossier, its first status and this message in one round trip). `source` must yield the columns id,
 * unit_id, code, procedure_name, due_at and applicant. The code, procedure and due date go into the
 * payload, and one row per channel the applicant gave (e-mail, phone). The kind and the time may be columns
 * of `source` instead of values (`sql\`d.notify\``: the intake writes several dossiers in one statement).
 */
export function notificationOutboxInsert(
  source: RawBuilder<unknown>,
  input: {
    readonly kind: NotificationKind | RawBuilder<string>;
    readonly at: Date | RawBuilder<Date>;
    readonly newDueAt?: Date | undefined;
  },
): RawBuilder<{ id: string }> {
  const dueAt = sql<string | null>`to_char(d.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return sql<{ id: string }>`
    insert into notification_outbox
      (dossier_id, unit_id, kind, channel, recipient, payload, event_at, next_attempt_at)
    select d.id, d.unit_id, ${input.kind}, c.channel, c.recipient,
      jsonb_build_object('code', d.code, 'procedureName', d.procedure_name, 'dueAt', ${dueAt},
        'newDueAt', ${input.newDueAt?.toISOString() ?? null}::text),
      ${input.at}, ${new Date()}
    from ${source} d
    cross join lateral (values ('email', btrim(d.applicant->>'email')), ('sms', btrim(d.applicant->>'phone')))
      as c(channel, recipient)
    where coalesce(c.recipient, '') <> ''
    returning id`;
}

/** The status-change door's hook: queues the message of the new status, if that status has one. */
export async function enqueueStatusNotification(
  trx: Trx,
  change: { readonly dossierId: string; readonly status: DossierStatus; readonly at: Date },
): Promise<void> {
  const kind = STATUS_NOTIFICATIONS[change.status];
  if (kind) {
    await enqueueDossierNotification(trx, { dossierId: change.dossierId, kind, at: change.at });
  }
}
