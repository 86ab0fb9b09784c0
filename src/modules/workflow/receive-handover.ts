import type { Trx } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { findOpenHandover, markHandoverReceived } from './workflow.repository.ts';

/**
 * Marks the open hand-over (if any) as received by `actor` now: the "received" time of its BM.05 row.
 * Returns whether one was open.
 */
export async function receiveOpenHandover(trx: Trx, dossierId: string, actor: StaffActor, at: Date) {
  const open = await findOpenHandover(trx, dossierId);
  if (open) {
    await markHandoverReceived(trx, open.id, { id: actor.staffId, name: actor.fullName, at });
  }
  return open;
}
