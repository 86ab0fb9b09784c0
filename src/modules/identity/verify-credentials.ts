// The one place that checks a username and password, for page sign-in and API tokens alike.
// Lockout: 5 wrong passwords in a row lock the account for 15 minutes (issue 2); every failure, lock and
// success is an audit event committed with the counter change.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { findStaffByUsername } from './staff.repository.ts';
import type { Staff } from './staff.table.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export interface VerifyCredentialsOptions {
  readonly db: Db;
  readonly username: string;
  readonly password: string;
  readonly requestId: string | null;
  readonly now?: Date;
}

export async function verifyCredentials(options: VerifyCredentialsOptions): Promise<Staff> {
  const now = options.now ?? new Date();
  const staff = await findStaffByUsername(options.db, options.username);
  if (!staff) {
    await verifyAgainstDummy(options.password);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }
  if (staff.locked_until && staff.locked_until > now) {
    const seconds = Math.ceil((staff.locked_until.getTime() - now.getTime()) / 1000);
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-ins; the account is locked for a while.', {
      retryAfterSeconds: seconds,
    });
  }
  const isValid = await verifyPassword(staff.password_hash, options.password);
  if (!isValid) {
    const failures = await options.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('staff')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', staff.id)
        .returning('failed_sign_ins')
        .executeTakeFirstOrThrow();
      const actor = { type: 'anonymous', id: null } as const;
      const common = {
        actor,
        unitId: null,
        subjectType: 'staff',
        subjectId: staff.id,
        requestId: options.requestId,
        at: now,
      };
      await appendAuditEvent(trx, {
        ...common,
        action: 'identity.sign_in_failed',
        details: { failures: row.failed_sign_ins },
      });
      if (row.failed_sign_ins >= MAX_FAILED_SIGN_INS) {
        const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
        await trx
          .updateTable('staff')
          .set({ locked_until: lockedUntil, failed_sign_ins: 0 })
          .where('id', '=', staff.id)
          .execute();
        await appendAuditEvent(trx, {
          ...common,
          action: 'identity.account_locked',
          details: { until: lockedUntil.toISOString() },
        });
      }
      return row.failed_sign_ins;
    });
    if (failures >= MAX_FAILED_SIGN_INS) {
      throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-ins; the account is locked for a while.', {
        retryAfterSeconds: LOCKOUT_MINUTES * 60,
      });
    }
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password.');
  }
  if (staff.is_disabled) {
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask your unit administrator.');
  }
  if (staff.failed_sign_ins > 0 || staff.locked_until) {
    await options.db
      .updateTable('staff')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', staff.id)
      .execute();
  }
  return staff;
}
