// The offline proof (C2SP tlog-proof) of one event of a dossier's history: for staff who may open the
// dossier page and its history (loadDossierWork), or for the applicant after the lookup check (code + phone, or the signed-in
// applicant). Either way an event of another dossier, or a dossier one may not see, is NOT_FOUND.
import type { DbExecutor } from '../../database.ts';
import { exportSubjectEventProof } from '../audit-log/export-subject-event-proof.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import type { StaffActor } from '../identity/actor.ts';
import { loadDossierWork } from '../workflow/load-dossier-work.ts';
import { lookupDossierId } from './lookup-dossier-history.ts';

export async function exportDossierEventProof(
  options: { db: DbExecutor; code: string; seq: number } & (
    | { actor: StaffActor }
    | { phoneLast4?: string | undefined; citizen?: CitizenActor | null }
  ),
): Promise<string> {
  const subjectId =
    'actor' in options ? (await loadDossierWork(options)).dossier.id : await lookupDossierId(options);
  return exportSubjectEventProof({ db: options.db, subjectType: 'dossier', subjectId, seq: options.seq });
}
