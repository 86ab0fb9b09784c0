import { sql } from 'kysely';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { voidCatalogueCacheAfter } from './catalogue-cache.ts';
import { checkEffectiveFrom, throwIfProblems } from './effective-date-rule.ts';
import { insertVersion, listVersions } from './procedure.repository.ts';
import type { ProcedureContent } from './procedure.types.ts';
import { getProcedureWithVersions } from './procedure-with-versions.ts';
import { searchTextOf } from './search-text.ts';
import { validateProcedureContent } from './validate-procedure.ts';

/**
 * The province changes a procedure from a date: a new version, the earlier ones untouched (dossiers
 * received before that date keep their rules). At most one version per date.
 */
export async function addProcedureVersion(options: {
  db: Db;
  actor: StaffActor | null;
  requestId: string | null;
  procedureId: string;
  effectiveFrom: string;
  content: ProcedureContent;
  now?: Date;
}): Promise<{ versionId: string; versionNo: number; unitId: string }> {
  const { procedure } = await getProcedureWithVersions(options);
  const unit = await findUnitById(options.db, procedure.unit_id);
  if (!unit) {
    throw new AppError('NOT_FOUND', 'No such procedure.');
  }
  if (options.actor) {
    assertCan(options.actor, 'unit.configure', unit);
  }
  const problems = validateProcedureContent(options.content);
  checkEffectiveFrom(problems, options.effectiveFrom, {
    isStaff: options.actor !== null,
    now: options.now ?? new Date(),
  });
  throwIfProblems(problems, 'The version could not be added.');
  const committed = options.db.transaction().execute(async (trx) => {
    // Serialise concurrent edits of one procedure so version numbers stay 1, 2, 3 …
    await sql`select id from procedures where id = ${procedure.id} for update`.execute(trx);
    const versions = await listVersions(trx, procedure.id);
    if (versions.some((v) => v.effective_from === options.effectiveFrom)) {
      throw new AppError('CONFLICT', 'A version already starts on that date.', {
        fields: { effectiveFrom: 'versionDateTaken' },
      });
    }
    const versionNo = Math.max(0, ...versions.map((v) => v.version_no)) + 1;
    const version = await insertVersion(trx, {
      procedureId: procedure.id,
      versionNo,
      effectiveFrom: options.effectiveFrom,
      content: options.content,
      searchText: searchTextOf(procedure.code, options.content),
      createdBy: options.actor?.staffId ?? null,
    });
    await appendAuditEvent(trx, {
      actor: options.actor ? { type: 'staff', id: options.actor.staffId } : { type: 'system', id: null },
      action: 'catalogue.procedure_version_added',
      unitId: unit.id,
      subjectType: 'procedure',
      subjectId: procedure.id,
      requestId: options.requestId,
      state: { code: procedure.code, effectiveFrom: options.effectiveFrom, content: options.content },
      details: { code: procedure.code, versionNo, effectiveFrom: options.effectiveFrom },
    });
    return { versionId: version.id, versionNo, unitId: unit.id };
  });
  return voidCatalogueCacheAfter(committed);
}
