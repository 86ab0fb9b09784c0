import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { isUuid } from '../catalogue/catalogue-units.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';

/**
 * Puts a message that failed (or was skipped while its channel was off) back in the queue for a fresh
 * round of attempts, e.g. once the SMTP relay is repaired or the citizen corrected an address by phone.
 * @throws AppError NOT_FOUND (no such message, or not visible to the actor), FORBIDDEN (no
 *   `notification.resend` on its unit), INVALID_STATE (waiting, being sent or already sent)
 */
export async function resendNotification(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  id: string;
  now?: Date;
}): Promise<{ dossierCode: string }> {
  const { db, actor } = options;
  const row = isUuid(options.id)
    ? await db.selectFrom('notification_outbox').selectAll().where('id', '=', options.id).executeTakeFirst()
    : undefined;
  const unit = row ? await findUnitById(db, row.unit_id) : undefined;
  if (!row || !unit || !can(actor, 'notification.read', unit)) {
    throw new AppError('NOT_FOUND', 'No such notification.');
  }
  if (!can(actor, 'notification.resend', unit)) {
    throw new AppError('FORBIDDEN', 'Your roles do not allow notification.resend on this unit.');
  }
  const now = options.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    // Guarded in the UPDATE: two officers pressing at once queue it once.
    const updated = await trx
      .updateTable('notification_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })
      .where('id', '=', row.id)
      .where('status', 'in', ['failed', 'skipped'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      throw new AppError(
        'INVALID_STATE',
        'Chỉ gửi lại được thông báo đã gửi không được hoặc chưa gửi vì kênh chưa bật.',
      );
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: actor.staffId },
      action: 'notification.resend_requested',
      unitId: row.unit_id,
      subjectType: 'notification',
      subjectId: row.id,
      requestId: options.requestId,
      details: {
        dossierId: row.dossier_id,
        kind: row.kind,
        channel: row.channel,
        previousStatus: row.status,
      },
      at: now,
    });
  });
  const dossier = await db
    .selectFrom('dossiers')
    .select('code')
    .where('id', '=', row.dossier_id)
    .executeTakeFirstOrThrow();
  return { dossierCode: dossier.code };
}
