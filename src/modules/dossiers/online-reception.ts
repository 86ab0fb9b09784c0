import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import type { Dossier } from './dossier.table.ts';
import { findDossierForStaff } from './get-dossier.ts';

/**
 * The online dossier a receptionist is about to accept or refuse: visible to the actor (else NOT_FOUND),
 * `dossier.receive` on its unit (else FORBIDDEN), submitted online or at a kiosk and still in status 1
 * (else INVALID_STATE; changeDossierStatus guards the status again inside the transaction).
 */
export async function loadOnlineDossierForReception(
  db: DbExecutor,
  actor: StaffActor,
  code: string,
): Promise<Dossier> {
  const { dossier, unit } = await findDossierForStaff({ db, actor, code });
  assertCan(actor, 'dossier.receive', unit);
  if (dossier.status !== 1 || (dossier.channel !== 'online' && dossier.channel !== 'kiosk')) {
    throw new AppError('INVALID_STATE', 'Hồ sơ không ở trạng thái chờ tiếp nhận.');
  }
  return dossier;
}
