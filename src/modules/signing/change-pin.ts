// The holder sets a new PIN (issue 5 §2): the old PIN (or the activation PIN) must open the data key,
// which is re-wrapped under the new one; the key itself is not re-encrypted. Wrong old PINs count
// towards the lock like any other.
import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { getHeldCredential, unwrapWithPin } from './activate-credential.ts';
import { rewrapForPin } from './key-envelope.ts';
import { assertPinPolicy } from './pin-policy.ts';
import { updateCredential } from './signing.repository.ts';

export async function changePin(options: {
  db: Db;
  keyEncryptionKey: Uint8Array;
  actor: StaffActor;
  requestId: string | null;
  credentialId: string;
  currentPin: string;
  newPin: string;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  assertPinPolicy(options.newPin, 'newPin');
  const credential = await getHeldCredential(options.db, options.actor.staffId, options.credentialId);
  await unwrapWithPin({ ...options, credential, pin: options.currentPin, now });
  const sealed = rewrapForPin(
    {
      encryptedKey: credential.encrypted_key,
      wrappedDataKey: credential.wrapped_data_key,
      pinSalt: credential.pin_salt,
    },
    options.keyEncryptionKey,
    credential.id,
    options.currentPin,
    options.newPin,
  );
  await options.db.transaction().execute(async (trx) => {
    await updateCredential(trx, credential.id, {
      wrapped_data_key: sealed.wrappedDataKey,
      pin_salt: sealed.pinSalt,
      failed_pins: 0,
    });
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.pin_changed',
      unitId: credential.unit_id,
      subjectType: 'credential',
      subjectId: credential.id,
      requestId: options.requestId,
      at: now,
    });
  });
}
