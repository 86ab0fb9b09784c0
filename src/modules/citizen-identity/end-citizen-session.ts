import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { CitizenActor } from './citizen-actor.ts';

/** Citizen sign-out: ends the session and records it. Signing out twice changes nothing. */
export async function endCitizenSession(options: {
  db: Db;
  citizen: CitizenActor;
  sessionHash: string;
  requestId: string | null;
}): Promise<void> {
  await options.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('citizen_sessions')
      .set({ ended_at: new Date() })
      .where('id_hash', '=', options.sessionHash)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) > 0) {
      await appendAuditEvent(trx, {
        actor: { type: 'citizen', id: options.citizen.citizenId },
        action: 'citizen.signed_out',
        unitId: null,
        subjectType: 'citizen',
        subjectId: options.citizen.citizenId,
        requestId: options.requestId,
      });
    }
  });
}
