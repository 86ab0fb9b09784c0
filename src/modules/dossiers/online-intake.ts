// What online submission and its drafts share (issue 6 §3 "Online"): the procedure as the chosen unit
// provides it now, and the applicant taken from the citizen's identity.
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findCatalogueUnits } from '../catalogue/catalogue-units.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import type { EffectiveProcedure } from '../catalogue/procedure.types.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { DraftFields } from './dossier.table.ts';
import type { ApplicantInput } from './validate-applicant.ts';

/**
 * The receiving unit (with the deciding body that starts the code) and the procedure it provides at `at`.
 *
 * @throws AppError NOT_FOUND (unit), VALIDATION_FAILED (procedureCode: procedureNotProvided)
 */
export async function findOnlineProcedure(
  db: DbExecutor,
  options: { unitId: string; procedureCode: string; at: Date },
): Promise<{ unit: Unit; decidingBody: Unit; procedure: EffectiveProcedure }> {
  const units = await findCatalogueUnits(db, options.unitId);
  if (!units?.adopter) {
    throw new AppError('NOT_FOUND', 'No such receiving unit.');
  }
  const procedure = await findEffectiveProcedure({
    db,
    units,
    unitId: units.unit.id,
    code: options.procedureCode,
    at: options.at,
  });
  if (!procedure) {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không cung cấp thủ tục này.', {
      fields: { procedureCode: 'procedureNotProvided' },
    });
  }
  return { unit: units.unit, decidingBody: units.adopter, procedure };
}

/**
 * The applicant of an online dossier: the signed-in citizen, whose name and personal identifier come from
 * the identity provider (level-2 VNeID) and cannot be typed over; a proxy hands in at the counter instead.
 * Address, phone and e-mail are the citizen's to fill (prefilled from the identity where it has them).
 */
export function onlineApplicant(citizen: CitizenActor, fields: DraftFields): ApplicantInput {
  if (!citizen.personalIdentifier) {
    throw new AppError('VALIDATION_FAILED', 'Tài khoản định danh chưa có số định danh cá nhân.', {
      fields: { personalIdentifier: 'identityWithoutIdentifier' },
    });
  }
  return {
    fullName: citizen.fullName,
    personalIdentifier: citizen.personalIdentifier,
    address: fields.address,
    phone: fields.phone,
    email: fields.email,
  };
}

/** The free-text fields of the online form, bounded. */
export function draftFields(input: DraftFields): DraftFields {
  const clip = (value: string | undefined, max: number) => (value ?? '').trim().slice(0, max);
  return { address: clip(input.address, 500), phone: clip(input.phone, 20), email: clip(input.email, 200) };
}
