// A unit administrator stores the result template of a procedure (issue 7 §2): the province's default (the
// unit that defined the procedure) or a commune's own (a unit providing it), like the catalogue's adoption.
// Placeholders are plain `{name}` substitutions from RESULT_PLACEHOLDERS: nothing in a template is executed.
import type { Db, DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import type { EffectiveProcedure } from '../catalogue/procedure.types.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { assertKnownPlaceholders } from './generate-result.ts';
import { requiredText } from './run-workflow-action.ts';

/** A template edit or preview: the unit, the procedure's code and the text. */
export interface TemplateEditOptions {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly unitId: string;
  readonly procedureCode: string;
  readonly title?: string | undefined;
  readonly body?: string | undefined;
  readonly now?: Date;
}

/**
 * The unit and procedure of a template edit (or preview), and its checked text.
 *
 * @throws AppError NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (as saveResultTemplate)
 */
export async function checkTemplateEdit(
  options: Omit<TemplateEditOptions, 'db' | 'now'> & { readonly db: DbExecutor; readonly at: Date },
): Promise<{ unit: Unit; procedure: EffectiveProcedure; title: string; body: string }> {
  const { db, at } = options;
  const unit = await findUnitById(db, options.unitId);
  if (!unit) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  assertCan(options.actor, 'unit.configure', unit);
  const procedure = await findEffectiveProcedure({ db, unitId: unit.id, code: options.procedureCode, at });
  if (!procedure || (procedure.definedBy.id !== unit.id && procedure.adoption?.unitId !== unit.id)) {
    throw new AppError('NOT_FOUND', 'This unit neither defines nor provides that procedure.');
  }
  const title = requiredText(options.title, 'title', 300);
  const body = requiredText(options.body, 'body', 20000);
  assertKnownPlaceholders(title);
  assertKnownPlaceholders(body);
  return { unit, procedure, title, body };
}

/**
 * @throws AppError NOT_FOUND (no such unit, or the procedure is neither defined nor provided by it),
 *   FORBIDDEN (no `unit.configure` on the unit), VALIDATION_FAILED (`title`, `body`: required or an
 *   unknown placeholder)
 */
export async function saveResultTemplate(
  options: TemplateEditOptions & { readonly requestId: string | null },
): Promise<void> {
  const { db, actor } = options;
  const at = options.now ?? new Date();
  const { unit, procedure, title, body } = await checkTemplateEdit({ ...options, at });
  const row = { title, body, updated_by: actor.staffId, updated_at: at };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('result_templates')
      .values({ unit_id: unit.id, procedure_code: procedure.code, ...row })
      .onConflict((oc) => oc.columns(['unit_id', 'procedure_code']).doUpdateSet(row))
      .execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: actor.staffId },
      action: 'workflow.result_template_set',
      unitId: unit.id,
      subjectType: 'procedure',
      subjectId: procedure.procedureId,
      requestId: options.requestId,
      state: { procedureCode: procedure.code, unitId: unit.id, title, body },
      details: { code: procedure.code },
      at,
    });
  });
}
