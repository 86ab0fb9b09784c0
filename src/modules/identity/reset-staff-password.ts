import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from './actor.ts';
import { forgetApiTokenActors } from './api-token-cache.ts';
import { getManageableStaff } from './manageable-staff.ts';
import { assertPasswordPolicy, hashPassword } from './password.ts';
import { endAllAccess } from './staff.repository.ts';

/** An administrator sets a new password; the member's sessions and tokens end. */
export async function resetStaffPassword(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  staffId: string;
  newPassword: string;
}): Promise<void> {
  const { staff, unitId } = await getManageableStaff(options.db, options.actor, options.staffId);
  assertPasswordPolicy(options.newPassword);
  const passwordHash = await hashPassword(options.newPassword);
  await options.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
      .where('id', '=', staff.id)
      .execute();
    await endAllAccess(trx, staff.id, now);
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'identity.password_reset',
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
