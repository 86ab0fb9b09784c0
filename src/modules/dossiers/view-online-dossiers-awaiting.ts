// The online dossiers awaiting a receptionist (/ho-so/truc-tuyen) name their applicants: showing the list
// is a staff read of personal data, a `register.viewed` event (issue 4 §1) per unit of the dossiers
// listed, with their codes; an empty list (or a staff member without `dossier.receive`) writes nothing.
import type { Db } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { type AwaitingDossier, listOnlineDossiersAwaiting } from './list-online-dossiers-awaiting.ts';
import { recordListView } from './record-register-view.ts';

export async function viewOnlineDossiersAwaiting(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
}): Promise<AwaitingDossier[]> {
  const dossiers = await listOnlineDossiersAwaiting(options);
  await recordListView({ ...options, register: 'online-awaiting', dossiers: dossiers });
  return dossiers;
}
