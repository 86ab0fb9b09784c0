import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import type { StaffActor } from '../identity/actor.ts';
import { listStatusEvents } from './dossier.repository.ts';
import type { Dossier, DossierStatusEvent } from './dossier.table.ts';
import { findDossierForStaff } from './get-dossier.ts';

/** Who looks at a dossier with its personal data: staff of its unit, or the citizen it belongs to. */
export type DossierViewer = StaffActor | CitizenActor;

/** The citizen's own dossier: submitted by them, or naming them (their personal identifier) as applicant. */
export function isCitizensDossier(citizen: CitizenActor, dossier: Dossier): boolean {
  return (
    dossier.citizen_id === citizen.citizenId ||
    (citizen.personalIdentifier !== null && dossier.applicant_identifier === citizen.personalIdentifier)
  );
}

/**
 * A dossier with its timeline for someone allowed to see its personal data: staff of its unit (getDossier)
 * or its owner. Anyone else gets NOT_FOUND, as for a code that does not exist.
 */
export async function getViewableDossier(options: {
  db: DbExecutor;
  viewer: DossierViewer;
  code: string;
}): Promise<{ dossier: Dossier; timeline: DossierStatusEvent[] }> {
  const { db, viewer } = options;
  if (viewer.kind === 'staff') {
    // Records nothing: the caller that shows personal data to staff appends the view (getDossierReceipt).
    const { dossier } = await findDossierForStaff({ db, actor: viewer, code: options.code });
    return { dossier, timeline: await listStatusEvents(db, dossier.id) };
  }
  const dossier = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('code', '=', options.code)
    .executeTakeFirst();
  if (!dossier || !isCitizensDossier(viewer, dossier)) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  return { dossier, timeline: await listStatusEvents(db, dossier.id) };
}
