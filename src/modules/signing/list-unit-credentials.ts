// Certificate pages for administrators (issue 5 §1): the credentials of the units an administrator
// configures (their unit and every unit below), with holder names and expiry warnings.

import type { Db } from '../../database.ts';
import { describeCertificate } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan, scopesFor } from '../identity/permissions.ts';
import { findUnitById, listSubtree } from '../organisation/unit.repository.ts';
import { der } from './authority-keys.ts';
import { findCredential, listCredentialsOfUnits } from './signing.repository.ts';
import type { SigningCredential } from './signing.table.ts';

/** Certificates expiring within this many days are flagged on the pages. */
export const EXPIRY_WARNING_DAYS = 30;

export interface CredentialRow {
  readonly credential: SigningCredential;
  readonly holderName: string;
  readonly unitName: string;
  readonly isExpiringSoon: boolean;
}

export async function listUnitCredentials(options: {
  db: Db;
  actor: StaffActor;
  now?: Date;
}): Promise<CredentialRow[]> {
  const now = options.now ?? new Date();
  const scopes = scopesFor(options.actor, 'unit.configure');
  if (scopes.length === 0) {
    throw new AppError('FORBIDDEN', 'Your roles do not allow unit.configure on any unit.');
  }
  const units = new Map(
    (await Promise.all(scopes.map((s) => listSubtree(options.db, { path: s.unitPath }))))
      .flat()
      .map((u) => [u.id, u]),
  );
  const credentials = await listCredentialsOfUnits(options.db, [...units.keys()]);
  const holders = new Map(
    credentials.length === 0
      ? []
      : (
          await options.db
            .selectFrom('staff')
            .select(['id', 'full_name'])
            .where('id', 'in', [...new Set(credentials.map((c) => c.holder_staff_id))])
            .execute()
        ).map((s) => [s.id, s.full_name]),
  );
  const soon = now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000;
  return credentials.map((credential) => ({
    credential,
    holderName: holders.get(credential.holder_staff_id) ?? '',
    unitName: units.get(credential.unit_id)?.name ?? '',
    isExpiringSoon: credential.status === 'active' && credential.not_after.getTime() < soon,
  }));
}

export async function getUnitCredential(options: { db: Db; actor: StaffActor; credentialId: string }) {
  const credential = /^[0-9a-f-]{36}$/i.test(options.credentialId)
    ? await findCredential(options.db, options.credentialId)
    : undefined;
  const unit = credential ? await findUnitById(options.db, credential.unit_id) : undefined;
  if (!credential || !unit) {
    throw new AppError('NOT_FOUND', 'No such credential.');
  }
  assertCan(options.actor, 'unit.configure', unit);
  const rows = await listUnitCredentials(options);
  const row = rows.find((r) => r.credential.id === credential.id);
  return {
    ...(row ?? { credential, holderName: '', unitName: unit.name, isExpiringSoon: false }),
    summary: describeCertificate(der(credential.certificate)),
  };
}
