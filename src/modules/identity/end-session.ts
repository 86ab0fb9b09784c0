import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from './actor.ts';

export async function endSession(options: {
  db: Db;
  actor: StaffActor;
  sessionHash: string;
  requestId: string | null;
}): Promise<void> {
  await options.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('sessions')
      .set({ ended_at: new Date() })
      .where('id_hash', '=', options.sessionHash)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) > 0) {
      await appendAuditEvent(trx, {
        actor: { type: 'staff', id: options.actor.staffId },
        action: 'identity.signed_out',
        unitId: null,
        subjectType: 'staff',
        subjectId: options.actor.staffId,
        requestId: options.requestId,
      });
    }
  });
}
