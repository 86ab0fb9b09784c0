// Unit administrator actions on a credential (issue 5 §1–2): revoke, unlock after wrong PINs, renew.
// Each checks unit.configure on the credential's unit and writes its audit event with the change.
import type { Db } from '../../database.ts';
import type { RevocationReason } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { type IssuedCredential, issueCredential } from './issue-credential.ts';
import { findCredential, findCredentialForUpdate, updateCredential } from './signing.repository.ts';
import type { SigningCredential } from './signing.table.ts';

interface AdminActionOptions {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly credentialId: string;
  readonly now?: Date;
}

async function loadForAdmin(options: AdminActionOptions): Promise<SigningCredential> {
  const credential = await findCredential(options.db, options.credentialId);
  const unit = credential ? await findUnitById(options.db, credential.unit_id) : undefined;
  if (!credential || !unit) {
    throw new AppError('NOT_FOUND', 'No such credential.');
  }
  assertCan(options.actor, 'unit.configure', unit);
  return credential;
}

export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
] as const satisfies readonly RevocationReason[];

/** Revokes: the CRL lists it from the next issue and OCSP answers `revoked` at once. */
export async function revokeCredential(
  options: AdminActionOptions & { reason: (typeof REVOCATION_REASONS)[number] },
): Promise<void> {
  const now = options.now ?? new Date();
  const credential = await loadForAdmin(options);
  await options.db.transaction().execute(async (trx) => {
    const current = await findCredentialForUpdate(trx, credential.id);
    if (!current || current.status === 'revoked') {
      throw new AppError('INVALID_STATE', 'The credential is already revoked.');
    }
    await updateCredential(trx, credential.id, {
      status: 'revoked',
      revoked_at: now,
      revocation_reason: options.reason,
    });
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.credential_revoked',
      unitId: credential.unit_id,
      subjectType: 'credential',
      subjectId: credential.id,
      requestId: options.requestId,
      at: now,
      details: { serial: credential.serial, reason: options.reason },
    });
  });
}

/** Lifts the lock after five wrong PINs (the PIN itself is unchanged: only its holder knows it). */
export async function unlockCredential(options: AdminActionOptions): Promise<void> {
  const now = options.now ?? new Date();
  const credential = await loadForAdmin(options);
  if (!credential.locked_at) {
    throw new AppError('INVALID_STATE', 'The credential is not locked.');
  }
  await options.db.transaction().execute(async (trx) => {
    await updateCredential(trx, credential.id, { locked_at: null, failed_pins: 0 });
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: options.actor.staffId },
      action: 'signing.credential_unlocked',
      unitId: credential.unit_id,
      subjectType: 'credential',
      subjectId: credential.id,
      requestId: options.requestId,
      at: now,
    });
  });
}

/**
 * Renews: a NEW key and certificate for the same holder and unit (a forgotten PIN is also solved this
 * way, since no one can recover the old key); the old credential is superseded and revoked.
 */
export async function renewCredential(
  options: AdminActionOptions & { keyEncryptionKey: Uint8Array; publicUrl?: string; pin?: string },
): Promise<IssuedCredential> {
  const now = options.now ?? new Date();
  const old = await loadForAdmin(options);
  if (old.status !== 'active') {
    throw new AppError('INVALID_STATE', `The credential is ${old.status}.`);
  }
  const renewed = await issueCredential({
    db: options.db,
    keyEncryptionKey: options.keyEncryptionKey,
    actor: options.actor,
    requestId: options.requestId,
    kind: old.kind,
    unitId: old.unit_id,
    holderStaffId: old.holder_staff_id,
    keyAlgorithm: old.key_algorithm.startsWith('rsa') ? 'rsa-2048' : 'ec-p256',
    renewsId: old.id,
    now,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.pin ? { pin: options.pin } : {}),
  });
  await updateCredential(options.db, old.id, {
    status: 'superseded',
    revoked_at: now,
    revocation_reason: 'superseded',
  });
  return renewed;
}
