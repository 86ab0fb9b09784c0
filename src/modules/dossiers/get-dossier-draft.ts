import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../catalogue/catalogue-units.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import type { DossierDraft } from './dossier.table.ts';
import { findCitizenDraft } from './dossier-draft.repository.ts';

/** The citizen's own draft, to fill in again; NOT_FOUND for any other. */
export async function getDossierDraft(options: {
  db: DbExecutor;
  citizen: CitizenActor;
  draftId: string;
}): Promise<DossierDraft> {
  const draft = isUuid(options.draftId)
    ? await findCitizenDraft(options.db, options.citizen.citizenId, options.draftId)
    : undefined;
  if (!draft) {
    throw new AppError('NOT_FOUND', 'No such draft.');
  }
  return draft;
}
