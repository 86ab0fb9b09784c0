// A dossier's history for the applicant (issue 4 §6, issue 6 §5): the same code + phone check (or the
// signed-in applicant) as lookupDossier, the same NOT_FOUND otherwise, and no staff identity at all: only
// what happened, when, by which kind of actor, and whether the log proves it.
import type { DbExecutor } from '../../database.ts';
import type { NoteVerifier } from '../../lib/tlog/index.ts';
import { readSubjectHistory, type SubjectHistory } from '../audit-log/read-subject-history.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { findDossierByCode } from './dossier.repository.ts';
import { lookupDossier } from './lookup-dossier.ts';

/** The dossier id once the lookup check passed (NOT_FOUND, without telling why, otherwise). */
export async function lookupDossierId(options: {
  db: DbExecutor;
  code: string;
  phoneLast4?: string | undefined;
  citizen?: CitizenActor | null;
}): Promise<string> {
  const view = await lookupDossier(options);
  const dossier = await findDossierByCode(options.db, view.code);
  return dossier?.id ?? '';
}

export async function lookupDossierHistory(options: {
  db: DbExecutor;
  code: string;
  phoneLast4?: string | undefined;
  citizen?: CitizenActor | null;
  verifier: NoteVerifier;
}): Promise<SubjectHistory> {
  const history = await readSubjectHistory({
    db: options.db,
    subjectType: 'dossier',
    subjectId: await lookupDossierId(options),
    verifier: options.verifier,
  });
  const anonymised = (entries: SubjectHistory['changes']) => entries.map((e) => ({ ...e, actorId: null }));
  return { ...history, changes: anonymised(history.changes), reads: anonymised(history.reads) };
}
