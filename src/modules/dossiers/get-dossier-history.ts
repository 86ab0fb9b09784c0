// A dossier's history from the audit log for the staff who may open the dossier page (issue 4 §6): the
// same access as the page (loadDossierWork: staff with a dossier right on its receiving unit, its deciding
// body or the unit it was handed to). Every change, the recent staff views collapsed, each with its
// "verified" mark, and who acted (name and title). Opening the dossier page is already logged
// (`dossier.viewed`); reading its history is part of that view and logs nothing more.
import type { DbExecutor } from '../../database.ts';
import type { NoteVerifier } from '../../lib/tlog/index.ts';
import {
  type HistoryEntry,
  readSubjectHistory,
  type SubjectHistory,
} from '../audit-log/read-subject-history.ts';
import type { StaffActor } from '../identity/actor.ts';
import { findStaffNames } from '../identity/find-staff-names.ts';
import { loadDossierWork } from '../workflow/load-dossier-work.ts';

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
  actor: StaffActor;
  code: string;
  verifier: NoteVerifier;
}): Promise<DossierHistory> {
  const { dossier } = await loadDossierWork(options);
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
