// The result template of a dossier's procedure (issue 7 §2): the deciding commune's own if it has one, else
// the province's default (the unit that defined the procedure), else none (the code's default applies).
import type { DbExecutor } from '../../database.ts';
import type { DossierWork } from './load-dossier-work.ts';

export interface ResultTemplate {
  readonly title: string;
  readonly body: string;
  /** Whose template it is: the commune's or the province's. */
  readonly unitId: string;
}

export async function findResultTemplate(
  db: DbExecutor,
  work: Pick<DossierWork, 'dossier' | 'decidingBody' | 'procedure'>,
): Promise<ResultTemplate | undefined> {
  const units = [work.decidingBody.id, ...(work.procedure ? [work.procedure.definedBy.id] : [])];
  const rows = await db
    .selectFrom('result_templates')
    .select(['unit_id', 'title', 'body'])
    .where('procedure_code', '=', work.dossier.procedure_code)
    .where('unit_id', 'in', units)
    .execute();
  const row = rows.find((r) => r.unit_id === work.decidingBody.id) ?? rows[0];
  return row ? { title: row.title, body: row.body, unitId: row.unit_id } : undefined;
}
