import type { DbExecutor } from '../../database.ts';
import { cachedCatalogueRead } from './catalogue-cache.ts';
import { type CatalogueUnits, findCatalogueUnits } from './catalogue-units.ts';
import { toEffectiveProcedure } from './effective-procedure.ts';
import { findProcedureForResolution, listAdoptionsInForce, listVersions } from './procedure.repository.ts';
import type { ProcedureAdoption, ProcedureVersion } from './procedure.table.ts';
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
  /** The unit's place in the tree when the caller has it already (findCatalogueUnits of `unitId`). */
  units?: CatalogueUnits | undefined;
}): Promise<EffectiveProcedure | undefined> {
  const units = options.units ?? (await findCatalogueUnits(options.db, options.unitId));
  const province = units?.province;
  if (!province) {
    return undefined;
  }
  const adopterId = units.adopter?.id;
  const date = vietnamDate(options.at);
  const query = { provinceId: province.id, code: options.code, adopterId, date };
  // Kept in memory until the next procedure, version or adoption insert (catalogue-cache.ts), resolved: the
  // effective procedure is built once, not on every intake, and frozen, as every caller shares it.
  return cachedCatalogueRead(
    options.db,
    `procedure:${query.provinceId}:${query.adopterId ?? ''}:${query.date}:${query.code}`,
    async () => {
      const found = await findProcedureForResolution(options.db, query);
      return found
        ? deepFreeze(
            effectiveAt({
              code: found.procedure.code,
              versions: found.versions,
              adoption: found.adoption,
              province,
              adopterId,
              date,
            }),
          )
        : undefined;
    },
  );
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
  const adoption = o.adopterId
    ? (await listAdoptionsInForce(db, { unitId: o.adopterId, date, procedureId: o.procedureId }))[0]
    : undefined;
  return effectiveAt({ ...o, versions, adoption, date });
}

/** Of the versions (in order), the one in force on `date`; with an adopter, only if its adoption is on. */
function effectiveAt(o: {
  code: string;
  versions: readonly ProcedureVersion[];
  adoption: ProcedureAdoption | undefined;
  province: { id: string; name: string };
  adopterId: string | undefined;
  date: string;
}): EffectiveProcedure | undefined {
  const index = o.versions.findLastIndex((v) => v.effective_from <= o.date);
  const version = o.versions[index];
  if (!version || (o.adopterId && !o.adoption?.is_adopted)) {
    return undefined;
  }
  return toEffectiveProcedure({
    code: o.code,
    version,
    nextVersion: o.versions[index + 1],
    province: o.province,
    adoption: o.adopterId ? o.adoption : undefined,
  });
}

/** `value` with every object in it frozen (a write to it throws in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
    Object.freeze(value);
  }
  return value;
}
