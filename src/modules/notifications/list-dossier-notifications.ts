import type { DbExecutor } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { listDossierDeliveries } from './notification.repository.ts';
import type { NotificationOutboxRow } from './notification.table.ts';

/**
 * The delivery state of a dossier's messages, newest first, for staff with `notification.read` on its
 * unit; undefined for anyone else (the dossier page then shows no section).
 */
export async function listDossierNotifications(options: {
  db: DbExecutor;
  actor: StaffActor;
  dossier: { readonly id: string; readonly unit_id: string };
}): Promise<NotificationOutboxRow[] | undefined> {
  const unit = await findUnitById(options.db, options.dossier.unit_id);
  if (!unit || !can(options.actor, 'notification.read', unit)) {
    return undefined;
  }
  return listDossierDeliveries(options.db, options.dossier.id);
}
