// Opens a credential's data key with the holder's PIN (issue 5 §2): refuses revoked, superseded, expired
// and locked credentials; a wrong PIN (or a wrong one-time code) is counted and audited in its own
// committed transaction, and the fifth failure in a row locks the credential until a unit administrator
// unlocks it.
import type { Db, DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { KeyEnvelopeError, unwrapDataKey } from './key-envelope.ts';
import { MAX_WRONG_PINS } from './pin-policy.ts';
import { findCredential } from './signing.repository.ts';
import type { SigningCredential } from './signing.table.ts';

export function assertUsable(credential: SigningCredential, now: Date): void {
  if (credential.status !== 'active') {
    throw new AppError('INVALID_STATE', `The credential is ${credential.status}.`);
  }
  if (credential.not_after <= now || credential.not_before > now) {
    throw new AppError('INVALID_STATE', 'The credential’s certificate is not valid at this time.');
  }
  if (credential.locked_at) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      'Too many wrong PINs: the credential is locked until a unit administrator unlocks it.',
    );
  }
}

/** The holder's credential, or NOT_FOUND (another holder's credential is not disclosed). */
export async function getHeldCredential(db: DbExecutor, staffId: string, credentialId: string) {
  const credential = /^[0-9a-f-]{36}$/i.test(credentialId)
    ? await findCredential(db, credentialId)
    : undefined;
  if (!credential || credential.holder_staff_id !== staffId) {
    throw new AppError('NOT_FOUND', 'No such credential.', { fields: { credentialID: 'unknown' } });
  }
  return credential;
}

export async function unwrapWithPin(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  credential: SigningCredential;
  pin: string;
  requestId: string | null;
  now: Date;
}): Promise<Buffer> {
  const { credential } = options;
  assertUsable(credential, options.now);
  const sealed = {
    encryptedKey: credential.encrypted_key,
    wrappedDataKey: credential.wrapped_data_key,
    pinSalt: credential.pin_salt,
  };
  try {
    // The failure counter is reset by the caller once the whole authorisation succeeded (PIN AND OTP):
    // resetting here would let a right PIN with wrong codes go on forever.
    return unwrapDataKey(sealed, options.keyEncryptionKey, credential.id, options.pin);
  } catch (error) {
    if (!(error instanceof KeyEnvelopeError) || error.failure !== 'PIN_MISMATCH') {
      throw new AppError('INTERNAL', 'The credential key could not be opened.', { cause: error });
    }
  }
  const failures = await recordFailedActivation({ ...options, factor: 'PIN' });
  throw new AppError('INVALID_CREDENTIALS', 'Wrong PIN.', {
    fields: { PIN: 'invalid', remaining: String(MAX_WRONG_PINS - failures) },
  });
}

/**
 * Counts a failed activation (wrong PIN, or wrong one-time code after a right PIN, so the code cannot be
 * guessed either) in its own committed transaction; the fifth in a row locks the credential. Throws
 * ACCOUNT_LOCKED when this failure locked it; otherwise returns the failures so far.
 */
export async function recordFailedActivation(options: {
  db: Db;
  credential: SigningCredential;
  factor: 'PIN' | 'OTP';
  requestId: string | null;
  now: Date;
}): Promise<number> {
  const { credential } = options;
  const failures = await options.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('signing_credentials')
      .set((eb) => ({ failed_pins: eb('failed_pins', '+', 1) }))
      .where('id', '=', credential.id)
      .returning('failed_pins')
      .executeTakeFirstOrThrow();
    const common = {
      actor: { type: 'staff', id: credential.holder_staff_id } as const,
      unitId: credential.unit_id,
      subjectType: 'credential',
      subjectId: credential.id,
      requestId: options.requestId,
      at: options.now,
    };
    await appendAuditEvent(trx, {
      ...common,
      action: options.factor === 'PIN' ? 'signing.pin_failed' : 'signing.authorization_refused',
      details: { failures: row.failed_pins, ...(options.factor === 'OTP' ? { reason: 'otp' } : {}) },
    });
    if (row.failed_pins >= MAX_WRONG_PINS) {
      await trx
        .updateTable('signing_credentials')
        .set({ locked_at: options.now })
        .where('id', '=', credential.id)
        .execute();
      await appendAuditEvent(trx, { ...common, action: 'signing.credential_locked' });
    }
    return row.failed_pins;
  });
  if (failures >= MAX_WRONG_PINS) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      'Too many failed authorisations: the credential is locked until a unit administrator unlocks it.',
    );
  }
  return failures;
}
