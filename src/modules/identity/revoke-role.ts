import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from './actor.ts';
import { forgetApiTokenActors } from './api-token-cache.ts';
import { getManageableStaff } from './manageable-staff.ts';
import { assertCan } from './permissions.ts';
import type { Role } from './roles.ts';
import { deleteStaffRole } from './staff.repository.ts';

export async function revokeRole(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  staffId: string;
  unitId: string;
  role: Role;
}): Promise<void> {
  const { staff, roles } = await getManageableStaff(options.db, options.actor, options.staffId);
  const held = roles.find((r) => r.unitId === options.unitId && r.role === options.role);
  if (!held) {
    throw new AppError('NOT_FOUND', 'The staff member does not hold this role on this unit.');
  }
  assertCan(options.actor, 'staff.manage', { path: held.unitPath });
  if (options.actor.staffId === staff.id && options.role === 'unit_admin') {
    // An administrator cannot lock the unit out of administration by revoking their own role.
    throw new AppError('INVALID_STATE', 'You cannot revoke your own administrator role.');
  }
  await options.db.transaction().execute(async (trx) => {
    await deleteStaffRole(trx, staff.id, options.unitId, options.role);
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'identity.role_revoked',
      unitId: options.unitId,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
      details: { role: options.role },
    });
  });
  // This process forgets resolved tokens at once; others within API_TOKEN_CACHE_MS (api-token-cache.ts).
  forgetApiTokenActors();
}
