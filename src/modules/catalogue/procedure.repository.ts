import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import { invalidateCatalogueCache } from './catalogue-cache.ts';
import type { Procedure, ProcedureAdoption, ProcedureVersion } from './procedure.table.ts';
import type { ProcedureAdjustments, ProcedureContent } from './procedure.types.ts';

export async function findProcedure(
  db: DbExecutor,
  unitId: string,
  code: string,
): Promise<Procedure | undefined> {
  return db
    .selectFrom('procedures')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findProcedureById(db: DbExecutor, id: string): Promise<Procedure | undefined> {
  return db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Procedures with this code, in the order of their defining unit's identifier code. */
export async function listProceduresByCode(db: DbExecutor, code: string): Promise<Procedure[]> {
  return db
    .selectFrom('procedures')
    .innerJoin('units', 'units.id', 'procedures.unit_id')
    .selectAll('procedures')
    .where('procedures.code', '=', code)
    .orderBy('units.identifier_code')
    .execute();
}

export async function insertProcedure(db: DbExecutor, values: { code: string; unitId: string }) {
  invalidateCatalogueCache();
  return db
    .insertInto('procedures')
    .values({ code: values.code, unit_id: values.unitId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listVersions(db: DbExecutor, procedureId: string): Promise<ProcedureVersion[]> {
  return db
    .selectFrom('procedure_versions')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('effective_from')
    .execute();
}

export async function insertVersion(
  db: DbExecutor,
  values: {
    procedureId: string;
    versionNo: number;
    effectiveFrom: string;
    content: ProcedureContent;
    searchText: string;
    createdBy: string | null;
  },
): Promise<ProcedureVersion> {
  invalidateCatalogueCache();
  const c = values.content;
  return db
    .insertInto('procedure_versions')
    .values({
      procedure_id: values.procedureId,
      version_no: values.versionNo,
      effective_from: values.effectiveFrom,
      name: c.name,
      name_en: c.nameEn,
      field: c.field,
      level: c.level,
      legal_basis: JSON.stringify(c.legalBasis),
      statutory_time: JSON.stringify(c.statutoryTime),
      is_extension_allowed: c.isExtensionAllowed,
      extension_limit_days: c.extensionLimitDays,
      is_clock_stoppable: c.isClockStoppable,
      documents: JSON.stringify(c.documents),
      fees: JSON.stringify(c.fees),
      steps: JSON.stringify(c.steps),
      result_type: c.resultType,
      search_text: values.searchText,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The version of each procedure in force on `date` (Vietnam date), for procedures defined by one of
 * `unitIds`, optionally filtered by folded search words (all must occur) and by field.
 */
export async function listVersionsInForce(
  db: DbExecutor,
  options: { unitIds: readonly string[]; date: string; words?: readonly string[]; field?: string },
): Promise<(ProcedureVersion & { code: string; unit_id: string })[]> {
  if (options.unitIds.length === 0) {
    return [];
  }
  const inForce = db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .selectAll('v')
    .select(['p.code', 'p.unit_id'])
    .where('p.unit_id', 'in', options.unitIds)
    .where('v.effective_from', '<=', options.date)
    .distinctOn('v.procedure_id')
    .orderBy('v.procedure_id')
    .orderBy('v.effective_from', 'desc')
    .as('current');
  let query = db.selectFrom(inForce).selectAll();
  for (const word of options.words ?? []) {
    query = query.where('search_text', 'like', `%${word}%`);
  }
  if (options.field) {
    query = query.where('field', '=', options.field);
  }
  return query.orderBy('field').orderBy('name').execute();
}

export async function listAdoptions(
  db: DbExecutor,
  options: { unitId: string; procedureId?: string },
): Promise<ProcedureAdoption[]> {
  let query = db.selectFrom('procedure_adoptions').selectAll().where('unit_id', '=', options.unitId);
  if (options.procedureId) {
    query = query.where('procedure_id', '=', options.procedureId);
  }
  return query.orderBy('effective_from').execute();
}

/** The adoption row of each procedure in force for `unitId` on `date` (adopted or withdrawn). */
/**
 * What resolving a procedure at a unit needs, in ONE round trip (intake asks this on every dossier): the
 * province's procedure with this code, all its versions in order, and the adopter's adoption in force on
 * `date` (the latest from that date or before), or undefined when the province does not define the code.
 */
export async function findProcedureForResolution(
  db: DbExecutor,
  o: { provinceId: string; code: string; adopterId: string | undefined; date: string },
): Promise<
  { procedure: Procedure; versions: ProcedureVersion[]; adoption: ProcedureAdoption | undefined } | undefined
> {
  const row = await db
    .selectFrom('procedures as p')
    .selectAll('p')
    .select(
      sql<ProcedureVersion[]>`coalesce((select json_agg(v order by v.effective_from)
        from procedure_versions v where v.procedure_id = p.id), '[]'::json)`.as('versions'),
    )
    .select(
      sql<ProcedureAdoption | null>`(select row_to_json(a) from procedure_adoptions a
        where a.unit_id = ${o.adopterId ?? null} and a.procedure_id = p.id and a.effective_from <= ${o.date}
        order by a.effective_from desc limit 1)`.as('adoption'),
    )
    .where('p.unit_id', '=', o.provinceId)
    .where('p.code', '=', o.code)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const { versions, adoption, ...procedure } = row;
  // Through JSON timestamps arrive as text: give them back their type.
  return {
    procedure,
    versions: versions.map((v) => ({ ...v, created_at: new Date(v.created_at) })),
    adoption: adoption ? { ...adoption, created_at: new Date(adoption.created_at) } : undefined,
  };
}

export async function listAdoptionsInForce(
  db: DbExecutor,
  options: { unitId: string; date: string; procedureId?: string },
): Promise<ProcedureAdoption[]> {
  let query = db
    .selectFrom('procedure_adoptions')
    .selectAll()
    .where('unit_id', '=', options.unitId)
    .where('effective_from', '<=', options.date);
  if (options.procedureId) {
    query = query.where('procedure_id', '=', options.procedureId);
  }
  return query.distinctOn('procedure_id').orderBy('procedure_id').orderBy('effective_from', 'desc').execute();
}

export async function insertAdoption(
  db: DbExecutor,
  values: {
    procedureId: string;
    unitId: string;
    effectiveFrom: string;
    isAdopted: boolean;
    adjustments: ProcedureAdjustments;
    createdBy: string | null;
  },
): Promise<ProcedureAdoption> {
  invalidateCatalogueCache();
  return db
    .insertInto('procedure_adoptions')
    .values({
      procedure_id: values.procedureId,
      unit_id: values.unitId,
      effective_from: values.effectiveFrom,
      is_adopted: values.isAdopted,
      adjustments: JSON.stringify(values.adjustments),
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Distinct fields (lĩnh vực) among versions of procedures defined by `unitIds`. */
export async function listFields(db: DbExecutor, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select(sql<string>`distinct v.field`.as('field'))
    .where('p.unit_id', 'in', unitIds)
    .orderBy('field')
    .execute();
  return rows.map((r) => r.field);
}

/** Every procedure a unit defines, with all versions (admin list). */
export async function listProceduresOfUnit(db: DbExecutor, unitId: string): Promise<Procedure[]> {
  return db.selectFrom('procedures').selectAll().where('unit_id', '=', unitId).orderBy('code').execute();
}

export async function listVersionsOfUnit(db: DbExecutor, unitId: string): Promise<ProcedureVersion[]> {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .selectAll('v')
    .where('p.unit_id', '=', unitId)
    .orderBy('v.effective_from')
    .execute();
}
