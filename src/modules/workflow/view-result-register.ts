// The clerk's register page of results (/so-ket-qua) names every applicant of the year: opening it is a
// staff read of personal data, one `register.viewed` event (issue 4 §1) with the unit, the year and the
// dossier codes listed; a refused read (no `document.seal` on the unit, a bad year) writes nothing.
import type { Db } from '../../database.ts';
import { recordRegisterView } from '../dossiers/record-register-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { listResultRegister, type ResultRegister } from './list-result-register.ts';

/** @throws AppError FORBIDDEN, VALIDATION_FAILED (those of listResultRegister) */
export async function viewResultRegister(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly unitId?: string | undefined;
  readonly year: number;
}): Promise<ResultRegister> {
  const register = await listResultRegister(options);
  await recordRegisterView({
    db: options.db,
    actor: options.actor,
    requestId: options.requestId,
    register: 'results',
    unitId: register.unit.id,
    filter: { year: register.year },
    dossierCodes: register.entries.map((e) => e.dossier_code),
  });
  return register;
}
