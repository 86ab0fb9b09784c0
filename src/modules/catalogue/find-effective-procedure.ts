import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { listAllUnits } from '../organisation/unit.repository.ts';
import { findCatalogueUnits, isUuid } from './catalogue-units.ts';
import { toEffectiveProcedure } from './effective-procedure.ts';
import {
  findProcedure,
  findProcedureById,
  listAdoptionsInForce,
  listFields,
  listProceduresByCode,
  listVersions,
} from './procedure.repository.ts';
import type { EffectiveProcedure } from './procedure.types.ts';
import { vietnamDate } from './vietnam-date.ts';

/**
 * The procedure `code` as it applies at `unitId` at instant `at` (intake calls this at reception): the
 * province version in force that day, with the adjustments of the commune's adoption in force that day.
 * Nothing when the unit's province does not define the code, no version is in force yet, or the unit
 * (a commune, a ward, or a centre below one) has not adopted it or has withdrawn it.
 */
export async function findEffectiveProcedure(options: {
  db: DbExecutor;
  unitId: string;
  code: string;
  at: Date;
}): Promise<EffectiveProcedure | undefined> {
  const units = await findCatalogueUnits(options.db, options.unitId);
  if (!units?.province) {
    return undefined;
  }
  const procedure = await findProcedure(options.db, units.province.id, options.code);
  if (!procedure) {
    return undefined;
  }
  return resolve(options.db, {
    procedureId: procedure.id,
    code: procedure.code,
    province: units.province,
    adopterId: units.adopter?.id,
    at: options.at,
  });
}

async function resolve(
  db: DbExecutor,
  o: {
    procedureId: string;
    code: string;
    province: { id: string; name: string };
    adopterId: string | undefined;
    at: Date;
  },
): Promise<EffectiveProcedure | undefined> {
  const date = vietnamDate(o.at);
  const versions = await listVersions(db, o.procedureId);
  const index = versions.findLastIndex((v) => v.effective_from <= date);
  const version = versions[index];
  if (!version) {
    return undefined;
  }
  let adoption: Awaited<ReturnType<typeof listAdoptionsInForce>>[number] | undefined;
  if (o.adopterId) {
    [adoption] = await listAdoptionsInForce(db, { unitId: o.adopterId, date, procedureId: o.procedureId });
    if (!adoption?.is_adopted) {
      return undefined;
    }
  }
  return toEffectiveProcedure({
    code: o.code,
    version,
    nextVersion: versions[index + 1],
    province: o.province,
    adoption,
  });
}

/**
 * The public detail: at a unit when given (NOT_FOUND unless it provides the procedure), else the
 * definition of the first province (by identifier code) that defines the code.
 */
export async function getEffectiveProcedure(options: {
  db: DbExecutor;
  code: string;
  unitId?: string | undefined;
  at: Date;
}): Promise<EffectiveProcedure> {
  let found: EffectiveProcedure | undefined;
  if (options.unitId) {
    found = await findEffectiveProcedure({ ...options, unitId: options.unitId });
  } else {
    const [procedure] = await listProceduresByCode(options.db, options.code);
    const units = procedure ? await findCatalogueUnits(options.db, procedure.unit_id) : undefined;
    if (procedure && units) {
      found = await resolve(options.db, {
        procedureId: procedure.id,
        code: procedure.code,
        province: units.unit,
        adopterId: undefined,
        at: options.at,
      });
    }
  }
  if (!found) {
    throw new AppError('NOT_FOUND', 'No such procedure in force here.');
  }
  return found;
}

/** The procedure by id with all its versions (admin pages). */
export async function getProcedureWithVersions(options: { db: DbExecutor; procedureId: string }) {
  const procedure = isUuid(options.procedureId)
    ? await findProcedureById(options.db, options.procedureId)
    : undefined;
  if (!procedure) {
    throw new AppError('NOT_FOUND', 'No such procedure.');
  }
  return { procedure, versions: await listVersions(options.db, procedure.id) };
}

/** The provinces that define `code` (several only when one deployment serves several provinces). */
export async function listDefiningUnits(options: { db: DbExecutor; code: string }) {
  const procedures = await listProceduresByCode(options.db, options.code);
  const units = await Promise.all(procedures.map((p) => findCatalogueUnits(options.db, p.unit_id)));
  return units.flatMap((u) => (u ? [u.unit] : []));
}

/** The fields (lĩnh vực) used in the catalogue, for the browse filter. */
export async function listProcedureFields(options: { db: DbExecutor }): Promise<string[]> {
  const provinces = (await listAllUnits(options.db)).filter((u) => u.kind === 'province');
  const fields = await listFields(
    options.db,
    provinces.map((p) => p.id),
  );
  return fields.sort(new Intl.Collator('vi').compare);
}
