// A dossier's history from the audit log for the staff who may open the dossier page (issue 4 §6): the
// same access as the page, whose loaded work it takes (loadDossierWork, the only maker of a DossierWork,
// has already checked that the actor is staff with a dossier right on its receiving unit, its deciding body
// or the unit it was handed to). Every change, the recent staff views collapsed, each with its "verified"
// mark, and who acted (name and title). Opening the dossier page is already logged (`dossier.viewed`);
// reading its history is part of that view and logs nothing more.
import type { DbExecutor } from '../../database.ts';
import type { NoteVerifier } from '../../lib/tlog/index.ts';
import {
  type HistoryEntry,
  readSubjectHistory,
  type SubjectHistory,
} from '../audit-log/read-subject-history.ts';
import { findStaffNames } from '../identity/find-staff-names.ts';
import type { DossierWork } from '../workflow/load-dossier-work.ts';

export interface NamedHistoryEntry extends HistoryEntry {
  /** The staff member who acted, when the actor is staff. */
  readonly staff?: { readonly fullName: string; readonly title: string } | undefined;
}

export interface DossierHistory extends SubjectHistory {
  readonly changes: readonly NamedHistoryEntry[];
  readonly reads: readonly NamedHistoryEntry[];
}

export async function getDossierHistory(options: {
  db: DbExecutor;
  /** The dossier as the page loaded it for a staff actor (getDossierWorkView): access already checked. */
  work: DossierWork;
  verifier: NoteVerifier;
}): Promise<DossierHistory> {
  const { dossier } = options.work;
  const history = await readSubjectHistory({
    db: options.db,
    subjectType: 'dossier',
    subjectId: dossier.id,
    verifier: options.verifier,
  });
  const all = [...history.changes, ...history.reads];
  const names = await findStaffNames({
    db: options.db,
    staffIds: all.filter((e) => e.actorType === 'staff' && e.actorId).map((e) => e.actorId as string),
  });
  const named = (e: HistoryEntry): NamedHistoryEntry => ({
    ...e,
    staff: e.actorType === 'staff' && e.actorId ? names.get(e.actorId) : undefined,
  });
  return { ...history, changes: history.changes.map(named), reads: history.reads.map(named) };
}
