import type { DbExecutor } from '../../database.ts';
import { listAllUnits } from '../organisation/unit.repository.ts';
import { findCatalogueUnits } from './catalogue-units.ts';
import { toEffectiveProcedure } from './effective-procedure.ts';
import { searchWords } from './fold-vietnamese.ts';
import { listAdoptionsInForce, listVersionsInForce } from './procedure.repository.ts';
import type { EffectiveProcedure } from './procedure.types.ts';
import { vietnamDate } from './vietnam-date.ts';

export type ProcedureSummary = Omit<EffectiveProcedure, 'effectiveUntil'>;

/**
 * Public browse and search (issue 6 §1): the procedures in force at `at`, at a unit when given (only those
 * it provides, with its adjustments), else every province's; `q` matches code and names without regard to
 * diacritics ("dang ky khai sinh" finds "Đăng ký khai sinh"), every word must occur. Sorted by field, name.
 */
export async function listProcedures(options: {
  db: DbExecutor;
  unitId?: string | undefined;
  q?: string | undefined;
  field?: string | undefined;
  at: Date;
}): Promise<ProcedureSummary[]> {
  const date = vietnamDate(options.at);
  const words = searchWords(options.q ?? '');
  const field = options.field?.trim() || undefined;
  let provinces: { id: string; name: string }[];
  let adopterId: string | undefined;
  if (options.unitId) {
    const units = await findCatalogueUnits(options.db, options.unitId);
    provinces = units?.province ? [units.province] : [];
    adopterId = units?.adopter?.id;
  } else {
    provinces = (await listAllUnits(options.db)).filter((u) => u.kind === 'province');
  }
  const versions = await listVersionsInForce(options.db, {
    unitIds: provinces.map((p) => p.id),
    date,
    words,
    ...(field ? { field } : {}),
  });
  const adoptions = adopterId
    ? new Map(
        (await listAdoptionsInForce(options.db, { unitId: adopterId, date })).map((a) => [a.procedure_id, a]),
      )
    : undefined;
  const provinceById = new Map(provinces.map((p) => [p.id, p]));
  const summaries = versions.flatMap((version) => {
    const adoption = adoptions?.get(version.procedure_id);
    const province = provinceById.get(version.unit_id);
    if ((adoptions && !adoption?.is_adopted) || !province) {
      return [];
    }
    const { effectiveUntil: _ignored, ...summary } = toEffectiveProcedure({
      code: version.code,
      version,
      nextVersion: undefined,
      province,
      adoption,
    });
    return [summary];
  });
  // Vietnamese alphabetical order (Đ after D), the same on every engine whatever its collation.
  const collator = new Intl.Collator('vi');
  return summaries.sort(
    (a, b) =>
      collator.compare(a.field, b.field) ||
      collator.compare(a.name, b.name) ||
      collator.compare(a.definedBy.name, b.definedBy.name),
  );
}
