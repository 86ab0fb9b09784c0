import type { DbExecutor } from '../../database.ts';
import type { DossierDraft } from './dossier.table.ts';

/** A citizen's own draft; another citizen's draft is as absent as a missing one. */
export async function findCitizenDraft(
  db: DbExecutor,
  citizenId: string,
  draftId: string,
): Promise<DossierDraft | undefined> {
  return db
    .selectFrom('dossier_drafts')
    .selectAll()
    .where('id', '=', draftId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
}
