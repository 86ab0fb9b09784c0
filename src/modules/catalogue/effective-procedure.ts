// Builds the procedure as it applies to one unit: the province version plus the commune's adjustments.
import type { Unit } from '../organisation/unit.table.ts';
import type { ProcedureAdoption, ProcedureVersion } from './procedure.table.ts';
import type { EffectiveProcedure, ProcedureContent } from './procedure.types.ts';
import { applyAdjustments, validateAdjustments } from './validate-procedure.ts';

export function contentOf(version: ProcedureVersion): ProcedureContent {
  return {
    name: version.name,
    nameEn: version.name_en,
    field: version.field,
    level: version.level,
    legalBasis: version.legal_basis,
    statutoryTime: version.statutory_time,
    isExtensionAllowed: version.is_extension_allowed,
    extensionLimitDays: version.extension_limit_days,
    isClockStoppable: version.is_clock_stoppable,
    documents: version.documents,
    fees: version.fees,
    steps: version.steps,
    resultType: version.result_type,
  };
}

export function toEffectiveProcedure(options: {
  code: string;
  version: ProcedureVersion;
  nextVersion: Pick<ProcedureVersion, 'effective_from'> | undefined;
  province: Pick<Unit, 'id' | 'name'>;
  adoption: ProcedureAdoption | undefined;
}): EffectiveProcedure {
  const { version, adoption } = options;
  const content = contentOf(version);
  // Adjustments made against an older province version may no longer fit (a step removed, a fee lowered
  // below the commune's figure): then the province version applies as it stands.
  const isApplied = adoption
    ? Object.keys(validateAdjustments(content, adoption.adjustments)).length === 0
    : false;
  return {
    ...(adoption && isApplied ? applyAdjustments(content, adoption.adjustments) : content),
    procedureId: version.procedure_id,
    code: options.code,
    versionId: version.id,
    versionNo: version.version_no,
    effectiveFrom: version.effective_from,
    effectiveUntil: options.nextVersion?.effective_from ?? null,
    definedBy: { id: options.province.id, name: options.province.name },
    adoption: adoption
      ? {
          id: adoption.id,
          unitId: adoption.unit_id,
          effectiveFrom: adoption.effective_from,
          adjustments: adoption.adjustments,
          isApplied,
        }
      : null,
  };
}
