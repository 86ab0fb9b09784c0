import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { StaffActor } from './actor.ts';
import { forgetApiTokenActors } from './api-token-cache.ts';
import { getManageableStaff } from './manageable-staff.ts';
import { assertCan } from './permissions.ts';
import type { Role } from './roles.ts';
import { insertStaffRole } from './staff.repository.ts';

export async function grantRole(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  staffId: string;
  unitId: string;
  role: Role;
}): Promise<void> {
  const { staff } = await getManageableStaff(options.db, options.actor, options.staffId);
  const unit = await findUnitById(options.db, options.unitId);
  if (!unit) {
    throw new AppError('VALIDATION_FAILED', 'Unknown unit.', { fields: { unitId: 'unknownUnit' } });
  }
  assertCan(options.actor, 'staff.manage', unit);
  await options.db.transaction().execute(async (trx) => {
    if (!(await insertStaffRole(trx, staff.id, unit.id, options.role))) {
      throw new AppError('CONFLICT', 'The staff member already has this role on this unit.');
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'identity.role_granted',
      unitId: unit.id,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
      details: { role: options.role },
    });
  });
  // This process forgets resolved tokens at once; others within API_TOKEN_CACHE_MS (api-token-cache.ts).
  forgetApiTokenActors();
}
