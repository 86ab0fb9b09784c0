// The register of results issued by a unit in a year (issue 7 §2; Decree 30/2020 Appendix IV, outgoing
// register): number and symbol, date, type and summary, applicant, dossier, the clerk who numbered it.
// For the clerks who number and seal, and the leaders, of the unit.
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { choosePermittedUnit } from '../identity/list-permitted-units.ts';
import type { Unit } from '../organisation/unit.table.ts';
import type { ResultRegisterEntry } from './workflow.table.ts';

export interface ResultRegister {
  readonly unit: Unit;
  readonly units: readonly Unit[];
  readonly year: number;
  readonly entries: readonly ResultRegisterEntry[];
}

/**
 * @throws AppError FORBIDDEN (no right to seal documents on the unit asked for), VALIDATION_FAILED (`year`)
 */
export async function listResultRegister(options: {
  readonly db: DbExecutor;
  readonly actor: StaffActor;
  readonly unitId?: string | undefined;
  readonly year: number;
}): Promise<ResultRegister> {
  const { db, year } = options;
  if (!Number.isInteger(year) || year < 2000 || year > 2200) {
    throw new AppError('VALIDATION_FAILED', 'The year is YYYY.', { fields: { nam: 'invalid' } });
  }
  const { unit, units } = await choosePermittedUnit(db, options.actor, 'document.seal', options.unitId);
  const entries = await db
    .selectFrom('result_register')
    .selectAll()
    .where('unit_id', '=', unit.id)
    .where('year', '=', year)
    .orderBy('seq')
    .execute();
  return { unit, units, year, entries };
}
