import type { Trx } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueStatusNotification } from '../notifications/enqueue-dossier-notification.ts';
import type { DossierStatus } from './dossier-status.ts';

export interface DossierStatusChange {
  readonly dossierId: string;
  /** The statuses the change may start from; any other current status is an illegal transition. */
  readonly from: readonly DossierStatus[];
  readonly to: DossierStatus;
  readonly at: Date;
}

/**
 * Every status change after the first (intake writes that one with the code) goes through here, inside the
 * caller's transaction, so the dossier row, its public timeline and whatever hangs off a change (the
 * citizen's notification) commit or roll back together. The guard is in the UPDATE itself: two officers
 * acting at once cannot both move the dossier out of the same status.
 */
export async function changeDossierStatus(trx: Trx, change: DossierStatusChange): Promise<void> {
  const updated = await trx
    .updateTable('dossiers')
    .set({ status: change.to })
    .where('id', '=', change.dossierId)
    .where('status', 'in', [...change.from])
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    throw new AppError('INVALID_STATE', 'Hồ sơ không ở trạng thái cho phép thao tác này.');
  }
  await trx
    .insertInto('dossier_status_events')
    .values({ dossier_id: change.dossierId, status: change.to, at: change.at })
    .execute();
  await enqueueStatusNotification(trx, { dossierId: change.dossierId, status: change.to, at: change.at });
}
