import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findDossierByCode, listStatusEvents } from './dossier.repository.ts';
import type { Dossier, DossierStatusEvent } from './dossier.table.ts';

/**
 * A dossier with its timeline for staff of its unit (receptionists and specialists there). Someone
 * without either right gets NOT_FOUND, as for a code that does not exist.
 */
export async function getDossier(options: {
  db: DbExecutor;
  actor: StaffActor;
  code: string;
}): Promise<{ dossier: Dossier; timeline: DossierStatusEvent[]; unitName: string; unit: Unit }> {
  const dossier = await findDossierByCode(options.db, options.code);
  const unit = dossier ? await findUnitById(options.db, dossier.unit_id) : undefined;
  if (
    !dossier ||
    !unit ||
    !(can(options.actor, 'dossier.receive', unit) || can(options.actor, 'dossier.process', unit))
  ) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  return { dossier, timeline: await listStatusEvents(options.db, dossier.id), unitName: unit.name, unit };
}
