import type { DbExecutor } from '../../database.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';

export interface DraftSummary {
  readonly id: string;
  readonly unitId: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly updatedAt: Date;
}

/** The citizen's unfinished online forms, last saved first. */
export async function listDossierDrafts(options: {
  db: DbExecutor;
  citizen: CitizenActor;
}): Promise<DraftSummary[]> {
  const rows = await options.db
    .selectFrom('dossier_drafts')
    .select(['id', 'unit_id', 'procedure_code', 'procedure_name', 'updated_at'])
    .where('citizen_id', '=', options.citizen.citizenId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    updatedAt: r.updated_at,
  }));
}
