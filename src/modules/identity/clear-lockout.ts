import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from './actor.ts';
import { getManageableStaff } from './manageable-staff.ts';

export async function clearLockout(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  staffId: string;
}): Promise<void> {
  const { staff, unitId } = await getManageableStaff(options.db, options.actor, options.staffId);
  await options.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', staff.id)
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'identity.lockout_cleared',
      unitId,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
    });
  });
}
