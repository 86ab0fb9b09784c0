import type { Trx } from '../../database.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import type { NotificationPayload } from './notification.table.ts';
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
  const dossier = await trx
    .selectFrom('dossiers')
    .select(['code', 'procedure_name', 'unit_id', 'due_at', 'applicant'])
    .where('id', '=', input.dossierId)
    .executeTakeFirstOrThrow();
  const payload: NotificationPayload = {
    code: dossier.code,
    procedureName: dossier.procedure_name,
    dueAt: dossier.due_at?.toISOString() ?? null,
    newDueAt: input.newDueAt?.toISOString() ?? null,
  };
  const recipients = [
    { channel: 'email' as const, recipient: dossier.applicant.email?.trim() ?? '' },
    { channel: 'sms' as const, recipient: dossier.applicant.phone?.trim() ?? '' },
  ].filter((r) => r.recipient !== '');
  if (recipients.length === 0) {
    return 0;
  }
  await trx
    .insertInto('notification_outbox')
    .values(
      recipients.map((r) => ({
        dossier_id: input.dossierId,
        unit_id: dossier.unit_id,
        kind: input.kind,
        channel: r.channel,
        recipient: r.recipient,
        payload: JSON.stringify(payload),
        event_at: input.at,
        next_attempt_at: new Date(),
      })),
    )
    .execute();
  return recipients.length;
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
