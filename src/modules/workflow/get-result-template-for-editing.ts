// The result template an administrator edits (issue 7 §2): the unit's own, else the one it inherits (the
// province's), else the text built from the procedure's result type.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import type { StaffActor } from '../identity/actor.ts';
import { choosePermittedUnit } from '../identity/list-permitted-units.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { RESULT_PLACEHOLDERS } from './generate-result.ts';

export interface ResultTemplateForEditing {
  readonly unit: Unit;
  readonly units: readonly Unit[];
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly title: string;
  readonly body: string;
  /** Whose text it is now: the unit's own, the province's, or the built-in default. */
  readonly source: 'own' | 'province' | 'default';
  readonly placeholders: readonly string[];
}

/** @throws AppError FORBIDDEN (no `unit.configure` anywhere, or not on the unit asked for), NOT_FOUND */
export async function getResultTemplateForEditing(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly unitId?: string | undefined;
  readonly procedureCode: string;
}): Promise<ResultTemplateForEditing> {
  const { db } = options;
  const { unit, units } = await choosePermittedUnit(db, options.actor, 'unit.configure', options.unitId);
  const procedure = await findEffectiveProcedure({
    db,
    unitId: unit.id,
    code: options.procedureCode,
    at: new Date(),
  });
  if (!procedure || (procedure.definedBy.id !== unit.id && procedure.adoption?.unitId !== unit.id)) {
    throw new AppError('NOT_FOUND', 'This unit neither defines nor provides that procedure.');
  }
  const rows = await db
    .selectFrom('result_templates')
    .select(['unit_id', 'title', 'body'])
    .where('procedure_code', '=', procedure.code)
    .where('unit_id', 'in', [unit.id, procedure.definedBy.id])
    .execute();
  const row = rows.find((r) => r.unit_id === unit.id) ?? rows[0];
  const common = {
    unit,
    units,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    placeholders: RESULT_PLACEHOLDERS,
  };
  if (row) {
    return {
      ...common,
      title: row.title,
      body: row.body,
      source: row.unit_id === unit.id ? 'own' : 'province',
    };
  }
  return {
    ...common,
    title: (procedure.resultType || 'Kết quả giải quyết thủ tục hành chính').toLocaleUpperCase('vi'),
    body: 'Xét đề nghị của Ông/Bà {ho_ten}, số định danh cá nhân {so_dinh_danh}, địa chỉ {dia_chi};\n\n{co_quan} giải quyết như sau:\n\n…',
    source: 'default',
  };
}
