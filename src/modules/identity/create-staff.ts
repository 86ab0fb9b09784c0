import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { StaffActor } from './actor.ts';
import { assertPasswordPolicy, hashPassword } from './password.ts';
import { assertCan } from './permissions.ts';
import type { Role } from './roles.ts';
import { findStaffByUsername, insertStaff, insertStaffRole } from './staff.repository.ts';

export interface CreateStaffOptions {
  readonly db: Db;
  /** The administrator, or null for the system (demo seed). */
  readonly actor: StaffActor | null;
  readonly requestId: string | null;
  readonly username: string;
  readonly fullName: string;
  readonly title: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly password: string;
  readonly unitId: string;
  readonly role: Role;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export async function createStaff(options: CreateStaffOptions): Promise<{ id: string }> {
  const username = options.username.trim().toLowerCase();
  const fields: Record<string, string> = {};
  if (!USERNAME.test(username)) {
    fields.username = 'usernameInvalid';
  }
  if (options.fullName.trim().length === 0) {
    fields.fullName = 'required';
  }
  try {
    assertPasswordPolicy(options.password);
  } catch {
    fields.password = 'passwordTooShort';
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The staff member could not be created.', { fields });
  }
  const unit = await findUnitById(options.db, options.unitId);
  if (!unit) {
    throw new AppError('VALIDATION_FAILED', 'Unknown unit.', { fields: { unitId: 'unknownUnit' } });
  }
  if (options.actor) {
    assertCan(options.actor, 'staff.manage', unit);
  }
  if (await findStaffByUsername(options.db, username)) {
    throw new AppError('CONFLICT', 'That username is taken.', { fields: { username: 'usernameTaken' } });
  }
  const passwordHash = await hashPassword(options.password);
  return options.db.transaction().execute(async (trx) => {
    const staff = await insertStaff(trx, {
      username,
      fullName: options.fullName.trim(),
      title: options.title.trim(),
      email: options.email?.trim() || null,
      phone: options.phone?.trim() || null,
      passwordHash,
    });
    await insertStaffRole(trx, staff.id, unit.id, options.role);
    const actor = options.actor
      ? { type: 'staff' as const, id: options.actor.staffId }
      : { type: 'system' as const, id: null };
    const common = {
      actor,
      unitId: unit.id,
      subjectType: 'staff',
      subjectId: staff.id,
      requestId: options.requestId,
    };
    await appendAuditEvent(trx, {
      ...common,
      action: 'identity.staff_created',
      state: {
        username,
        fullName: staff.full_name,
        title: staff.title,
        email: staff.email,
        phone: staff.phone,
      },
    });
    await appendAuditEvent(trx, {
      ...common,
      action: 'identity.role_granted',
      details: { role: options.role },
    });
    return { id: staff.id };
  });
}
