// The work queue (/ho-so/hang-doi, GET /api/v1/work-queues) names the applicant of every dossier on the
// desk: showing it is a staff read of personal data, a `register.viewed` event (issue 4 §1) per receiving
// unit of the dossiers listed, with their codes; an empty queue shows nobody's data and writes nothing.
import type { Db } from '../../database.ts';
import { recordListView } from '../dossiers/record-register-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { listWorkQueue, type QueueItem } from './list-work-queue.ts';

export async function viewWorkQueue(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly now?: Date;
}): Promise<QueueItem[]> {
  const items = await listWorkQueue(options);
  await recordListView({ ...options, register: 'work-queue', dossiers: items });
  return items;
}
