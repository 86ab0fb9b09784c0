import type { Db, Trx } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { voidCatalogueCacheAfter } from './catalogue-cache.ts';
import { isUuid } from './catalogue-units.ts';
import { checkEffectiveFrom, throwIfProblems } from './effective-date-rule.ts';
import { findProcedure, insertProcedure, insertVersion } from './procedure.repository.ts';
import type { ProcedureContent } from './procedure.types.ts';
import { searchTextOf } from './search-text.ts';
import { validateProcedureContent } from './validate-procedure.ts';

/** National catalogue codes look like `1.001193`; local codes may use letters, digits, `.`, `_`, `-`. */
export const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;

export interface CreateProcedureOptions {
  readonly db: Db;
  /** A unit administrator of the province (or above), or null for the system (demo seed). */
  readonly actor: StaffActor | null;
  readonly requestId: string | null;
  /** The defining province. */
  readonly unitId: string;
  readonly code: string;
  /** Vietnam date `YYYY-MM-DD` from which the first version is in force. */
  readonly effectiveFrom: string;
  readonly content: ProcedureContent;
  readonly now?: Date;
}

/** A province defines a procedure: the procedure and its version 1, audited together. */
export async function createProcedure(
  options: CreateProcedureOptions,
): Promise<{ id: string; versionId: string }> {
  const unit = isUuid(options.unitId) ? await findUnitById(options.db, options.unitId) : undefined;
  if (!unit) {
    throw new AppError('VALIDATION_FAILED', 'Unknown unit.', { fields: { unitId: 'unknownUnit' } });
  }
  if (options.actor) {
    assertCan(options.actor, 'unit.configure', unit);
  }
  const code = options.code.trim();
  const problems = validateProcedureContent(options.content);
  if (unit.kind !== 'province') {
    problems.unitId = 'notProvince';
  }
  if (!PROCEDURE_CODE.test(code)) {
    problems.code = 'codeInvalid';
  }
  checkEffectiveFrom(problems, options.effectiveFrom, {
    isStaff: options.actor !== null,
    now: options.now ?? new Date(),
  });
  throwIfProblems(problems, 'The procedure could not be created.');
  if (await findProcedure(options.db, unit.id, code)) {
    throw new AppError('CONFLICT', 'This unit already defines a procedure with that code.', {
      fields: { code: 'codeTaken' },
    });
  }
  return voidCatalogueCacheAfter(
    options.db
      .transaction()
      .execute((trx) => insertProcedureWithAudit(trx, { ...options, unitId: unit.id, code })),
  );
}

/** Inside the caller's transaction: the procedure, its version 1, and the audit event (content validated). */
export async function insertProcedureWithAudit(
  trx: Trx,
  options: Pick<
    CreateProcedureOptions,
    'actor' | 'requestId' | 'unitId' | 'code' | 'effectiveFrom' | 'content'
  >,
): Promise<{ id: string; versionId: string }> {
  const { code, unitId } = options;
  const procedure = await insertProcedure(trx, { code, unitId });
  const version = await insertVersion(trx, {
    procedureId: procedure.id,
    versionNo: 1,
    effectiveFrom: options.effectiveFrom,
    content: options.content,
    searchText: searchTextOf(code, options.content),
    createdBy: options.actor?.staffId ?? null,
  });
  await appendAuditEvent(trx, {
    actor: options.actor ? { type: 'staff', id: options.actor.staffId } : { type: 'system', id: null },
    action: 'catalogue.procedure_created',
    unitId,
    subjectType: 'procedure',
    subjectId: procedure.id,
    requestId: options.requestId,
    state: { code, effectiveFrom: options.effectiveFrom, content: options.content },
    details: { code, versionNo: 1, effectiveFrom: options.effectiveFrom },
  });
  return { id: procedure.id, versionId: version.id };
}
