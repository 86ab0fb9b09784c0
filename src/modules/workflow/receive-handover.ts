import type { Trx } from '../../database.ts';
import type { WorkActor } from './load-dossier-work.ts';
import { findOpenHandover, markHandoverReceived } from './workflow.repository.ts';
import type { DossierHandover } from './workflow.table.ts';

/**
 * Marks the open hand-over as received by `actor` now, when it was addressed to them (in person, or to a
 * role they hold in the receiving unit): the "received" time and receiver of its BM.05 row. Returns the
 * hand-over received, if any.
 */
export async function receiveHandoverIfAddressed(
  trx: Trx,
  dossierId: string,
  actor: WorkActor,
  at: Date,
): Promise<DossierHandover | undefined> {
  if (actor.kind !== 'staff') {
    return undefined;
  }
  const open = await findOpenHandover(trx, dossierId);
  const isAddressed =
    open !== undefined &&
    (open.to_staff_id === actor.staffId ||
      (open.to_staff_id === null &&
        actor.roles.some((r) => r.role === open.to_role && r.unitId === open.to_unit_id)));
  if (!open || !isAddressed) {
    return undefined;
  }
  await markHandoverReceived(trx, open.id, { id: actor.staffId, name: actor.fullName, at });
  return open;
}
