// The certification register page (/chung-thuc, printed monthly from the same page) names every requester
// of the month: opening it is a staff read of personal data, one `register.viewed` event (issue 4 §1) with
// the commune, the type and the month and the dossier codes listed; a refused read writes nothing.
import type { Db } from '../../database.ts';
import { recordRegisterView } from '../dossiers/record-register-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { CertificationKind } from './certification-kind.ts';
import { listCertificationRegister, type RegisterEntry } from './list-certification-register.ts';

/** @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (those of listCertificationRegister) */
export async function viewCertificationRegister(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly unitId: string;
  readonly kind: CertificationKind;
  readonly month: string;
}): Promise<{ unit: Unit; entries: RegisterEntry[] }> {
  const register = await listCertificationRegister(options);
  await recordRegisterView({
    db: options.db,
    actor: options.actor,
    requestId: options.requestId,
    register: 'certifications',
    unitId: register.unit.id,
    filter: { kind: options.kind, month: options.month },
    dossierCodes: register.entries.map((e) => e.dossier_code),
  });
  return register;
}
