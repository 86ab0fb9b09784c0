import type { Db, Trx } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { AuditAction } from '../audit-log/audit-actions.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { voidCatalogueCacheAfter } from './catalogue-cache.ts';
import { findCatalogueUnits, isAdopterKind } from './catalogue-units.ts';
import { checkEffectiveFrom, throwIfProblems } from './effective-date-rule.ts';
import { contentOf } from './effective-procedure.ts';
import { insertAdoption, listAdoptions } from './procedure.repository.ts';
import type { ProcedureAdjustments } from './procedure.types.ts';
import { getProcedureWithVersions } from './procedure-with-versions.ts';
import { validateAdjustments } from './validate-procedure.ts';

export const NO_ADJUSTMENTS: ProcedureAdjustments = { fees: [], stepBudgets: [], note: '' };

/**
 * A commune (or ward) provides a province procedure from a date, with its adjustments (lower fees,
 * step budgets re-divided within the statutory time, a note), or withdraws it (`isAdopted: false`).
 * Each change is a new row from its date; the province's versions are never touched.
 */
export async function adoptProcedure(options: {
  db: Db;
  actor: StaffActor | null;
  requestId: string | null;
  procedureId: string;
  unitId: string;
  effectiveFrom: string;
  isAdopted?: boolean;
  adjustments?: ProcedureAdjustments;
  now?: Date;
}): Promise<{ adoptionId: string; action: AuditAction }> {
  const { procedure, versions } = await getProcedureWithVersions(options);
  const units = await findCatalogueUnits(options.db, options.unitId);
  if (!units) {
    throw new AppError('VALIDATION_FAILED', 'Unknown unit.', { fields: { unitId: 'unknownUnit' } });
  }
  if (options.actor) {
    assertCan(options.actor, 'unit.configure', units.unit);
  }
  if (!isAdopterKind(units.unit)) {
    throw new AppError('VALIDATION_FAILED', 'Only a commune or ward adopts procedures.', {
      fields: { unitId: 'notCommune' },
    });
  }
  if (units.province?.id !== procedure.unit_id) {
    throw new AppError('NOT_FOUND', 'The province of this unit does not define this procedure.');
  }
  const isAdopted = options.isAdopted ?? true;
  const adjustments = isAdopted ? (options.adjustments ?? NO_ADJUSTMENTS) : NO_ADJUSTMENTS;
  const problems: Record<string, string> = {};
  checkEffectiveFrom(problems, options.effectiveFrom, {
    isStaff: options.actor !== null,
    now: options.now ?? new Date(),
  });
  // Checked against the province version in force on the adoption date (or the first one, if later).
  const version = versions.findLast((v) => v.effective_from <= options.effectiveFrom) ?? versions[0];
  if (version) {
    Object.assign(problems, validateAdjustments(contentOf(version), adjustments));
  }
  throwIfProblems(problems, 'The adoption could not be saved.');
  return voidCatalogueCacheAfter(
    options.db.transaction().execute((trx) =>
      insertAdoptionWithAudit(trx, {
        ...options,
        procedure,
        unitId: units.unit.id,
        isAdopted,
        adjustments,
      }),
    ),
  );
}

/**
 * Inside the caller's transaction: one adoption row from its date and its audit event (adopted, adjusted
 * when the unit already provided the procedure, or withdrawn). Adjustments validated by the caller.
 */
export async function insertAdoptionWithAudit(
  trx: Trx,
  options: {
    actor: StaffActor | null;
    requestId: string | null;
    procedure: { id: string; code: string };
    unitId: string;
    effectiveFrom: string;
    isAdopted: boolean;
    adjustments: ProcedureAdjustments;
  },
): Promise<{ adoptionId: string; action: AuditAction }> {
  const { procedure, isAdopted, adjustments } = options;
  const earlier = await listAdoptions(trx, { unitId: options.unitId, procedureId: procedure.id });
  if (earlier.some((a) => a.effective_from === options.effectiveFrom)) {
    throw new AppError('CONFLICT', 'A change already starts on that date.', {
      fields: { effectiveFrom: 'versionDateTaken' },
    });
  }
  const adoption = await insertAdoption(trx, {
    procedureId: procedure.id,
    unitId: options.unitId,
    effectiveFrom: options.effectiveFrom,
    isAdopted,
    adjustments,
    createdBy: options.actor?.staffId ?? null,
  });
  const action: AuditAction = !isAdopted
    ? 'catalogue.procedure_withdrawn'
    : earlier.some((a) => a.is_adopted)
      ? 'catalogue.adoption_adjusted'
      : 'catalogue.procedure_adopted';
  await appendAuditEvent(trx, {
    actor: options.actor ? { type: 'staff', id: options.actor.staffId } : { type: 'system', id: null },
    action,
    unitId: options.unitId,
    subjectType: 'procedure',
    subjectId: procedure.id,
    requestId: options.requestId,
    state: { code: procedure.code, effectiveFrom: options.effectiveFrom, isAdopted, adjustments },
    details: {
      code: procedure.code,
      effectiveFrom: options.effectiveFrom,
      feeChanges: adjustments.fees.length,
      stepChanges: adjustments.stepBudgets.length,
    },
  });
  return { adoptionId: adoption.id, action };
}
