// What issuing and importing a credential share: the holder check and the stored row, with the key
// sealed under KEK + PIN for the new credential id (key-envelope.ts).
import { type KeyObject, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import { describeCertificate } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findStaffById, listRolesOfStaff } from '../identity/staff.repository.ts';
import type { Staff } from '../identity/staff.table.ts';
import { sealPrivateKey } from './key-envelope.ts';
import type { CredentialKind, SigningCredentialTable } from './signing.table.ts';

/** The holder must hold a role on the credential's unit (a leader of it, or the clerk keeping its seal). */
export async function getHolderOnUnit(db: DbExecutor, holderStaffId: string, unitId: string): Promise<Staff> {
  const holder = await findStaffById(db, holderStaffId);
  const roles = holder ? await listRolesOfStaff(db, holder.id) : [];
  if (!holder || !roles.some((r) => r.unitId === unitId)) {
    throw new AppError('VALIDATION_FAILED', 'The holder must hold a role on the unit.', {
      fields: { holderStaffId: 'notOnUnit' },
    });
  }
  return holder;
}

const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64');

export function sealedCredentialRow(options: {
  kind: CredentialKind;
  holderStaffId: string;
  unitId: string;
  authorityId: string | null;
  certificate: Uint8Array;
  /** Issuer first, root last. */
  chain: readonly Uint8Array[];
  privateKey: KeyObject;
  keyEncryptionKey: Uint8Array;
  pin: string;
  renewsId?: string;
}): Insertable<SigningCredentialTable> & { id: string; serial: string; key_algorithm: string } {
  const summary = describeCertificate(options.certificate);
  const id = randomUUID();
  const sealed = sealPrivateKey({
    privateKey: options.privateKey,
    kek: options.keyEncryptionKey,
    owner: id,
    pin: options.pin,
  });
  return {
    id,
    kind: options.kind,
    holder_staff_id: options.holderStaffId,
    unit_id: options.unitId,
    authority_id: options.authorityId,
    certificate: b64(options.certificate),
    chain: JSON.stringify(options.chain.map(b64)),
    serial: summary.serialNumber,
    key_algorithm: summary.publicKey,
    not_before: summary.notBefore,
    not_after: summary.notAfter,
    encrypted_key: sealed.encryptedKey,
    wrapped_data_key: sealed.wrappedDataKey,
    pin_salt: sealed.pinSalt,
    locked_at: null,
    revoked_at: null,
    revocation_reason: null,
    renews_id: options.renewsId ?? null,
  };
}
