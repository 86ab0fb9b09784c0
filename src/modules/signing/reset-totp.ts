// A unit administrator removes a signer's TOTP authenticator when the phone is lost (issue 5 §2): the
// signer cannot authorise until they enrol a new one (POST /api/v1/signing/totp, then confirm with a first
// code). Reached through one of the signer's credentials, so the administrator's unit.configure is checked
// on the unit the credential belongs to. Audited in the same transaction.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { getUnitCredential } from './list-unit-credentials.ts';

export async function resetTotp(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  credentialId: string;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  // getUnitCredential checks unit.configure on the credential's unit (NOT_FOUND for an unknown id).
  const { credential } = await getUnitCredential(options);
  await options.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('signing_totp')
      .where('staff_id', '=', credential.holder_staff_id)
      .returning('staff_id')
      .executeTakeFirst();
    if (!removed) {
      throw new AppError('INVALID_STATE', 'The holder has no authenticator enrolled.');
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.totp_reset',
      unitId: credential.unit_id,
      subjectType: 'staff',
      subjectId: credential.holder_staff_id,
      requestId: options.requestId,
      at: now,
      details: { credential: credential.id },
    });
  });
}
