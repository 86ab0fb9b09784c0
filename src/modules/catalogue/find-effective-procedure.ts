import type { DbExecutor } from '../../database.ts';
import { findCatalogueUnits } from './catalogue-units.ts';
import { toEffectiveProcedure } from './effective-procedure.ts';
import { findProcedure, listAdoptionsInForce, listVersions } from './procedure.repository.ts';
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
  return resolveEffectiveProcedure(options.db, {
    procedureId: procedure.id,
    code: procedure.code,
    province: units.province,
    adopterId: units.adopter?.id,
    at: options.at,
  });
}

/** The version in force on the Vietnam date of `at`, with the adopter's adoption (required when given). */
export async function resolveEffectiveProcedure(
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
