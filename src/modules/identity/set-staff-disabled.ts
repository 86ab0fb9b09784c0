import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from './actor.ts';
import { forgetApiTokenActors } from './api-token-cache.ts';
import { getManageableStaff } from './manageable-staff.ts';
import { endAllAccess } from './staff.repository.ts';

/** Disable (ending every session and token at once) or enable a staff account. */
export async function setStaffDisabled(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  staffId: string;
  isDisabled: boolean;
}): Promise<void> {
  const { staff, unitId } = await getManageableStaff(options.db, options.actor, options.staffId);
  if (staff.id === options.actor.staffId) {
    throw new AppError('INVALID_STATE', 'You cannot disable your own account.');
  }
  if (staff.is_disabled === options.isDisabled) {
    return;
  }
  await options.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('staff')
      .set({ is_disabled: options.isDisabled })
      .where('id', '=', staff.id)
      .execute();
    if (options.isDisabled) {
      await endAllAccess(trx, staff.id, now);
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: options.isDisabled ? 'identity.staff_disabled' : 'identity.staff_enabled',
      unitId,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
      at: now,
    });
  });
  // This process forgets resolved tokens at once; others within API_TOKEN_CACHE_MS (api-token-cache.ts).
  forgetApiTokenActors();
}
