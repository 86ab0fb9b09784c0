import type { DbExecutor } from '../../database.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import { loadDossierWork } from './load-dossier-work.ts';
import { findOpenSupplement } from './workflow.repository.ts';
import type { DossierSupplement } from './workflow.table.ts';

/**
 * The signed-in applicant's dossier and the supplement request awaiting them, if any (issue 7 §1, the
 * citizen's supply page). NOT_FOUND for anyone but the applicant.
 */
export async function getSupplementRequest(options: {
  db: DbExecutor;
  citizen: CitizenActor;
  code: string;
}): Promise<{ dossier: Dossier; supplement: DossierSupplement | undefined }> {
  const work = await loadDossierWork({ db: options.db, actor: options.citizen, code: options.code });
  return { dossier: work.dossier, supplement: await findOpenSupplement(options.db, work.dossier.id) };
}
