import type { Db, DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findDossierByCode, listStatusEvents } from './dossier.repository.ts';
import type { Dossier, DossierStatusEvent } from './dossier.table.ts';
import { type DossierViewKind, recordDossierView } from './record-dossier-view.ts';

/**
 * The dossier, if this staff member may see it (receptionists and specialists of its unit); NOT_FOUND
 * otherwise, as for a code that does not exist. Records nothing: callers that show it use getDossier.
 */
export async function findDossierForStaff(options: {
  db: DbExecutor;
  actor: StaffActor;
  code: string;
}): Promise<{ dossier: Dossier; unitName: string; unit: Unit }> {
  const dossier = await findDossierByCode(options.db, options.code);
  const unit = dossier ? await findUnitById(options.db, dossier.unit_id) : undefined;
  if (
    !dossier ||
    !unit ||
    !(can(options.actor, 'dossier.receive', unit) || can(options.actor, 'dossier.process', unit))
  ) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  return { dossier, unitName: unit.name, unit };
}

/**
 * A dossier with its timeline for staff of its unit (receptionists and specialists there). Someone
 * without either right gets NOT_FOUND, as for a code that does not exist. Every allowed view is a
 * `dossier.viewed` audit event (a staff read of personal data, issue 4 §1); a refused one writes nothing.
 */
export async function getDossier(options: {
  db: Db;
  actor: StaffActor;
  code: string;
  requestId: string | null;
  /** What is being opened (default: the dossier page). */
  viewKind?: DossierViewKind;
}): Promise<{ dossier: Dossier; timeline: DossierStatusEvent[]; unitName: string; unit: Unit }> {
  const { dossier, unitName, unit } = await findDossierForStaff(options);
  const timeline = await listStatusEvents(options.db, dossier.id);
  await recordDossierView({ ...options, dossier, kind: options.viewKind ?? 'page' });
  return { dossier, timeline, unitName, unit };
}
