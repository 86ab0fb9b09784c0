// The applicant's first online download of a signed result (issue 7 §2) or of a certified copy (§3) is the
// return of the result (9 → 10), as the counter's return-result.ts records it: who (the applicant), when,
// and the channel "online" (no officer hands it over). One transaction: the status and its notification,
// the workflow row, the history line and the audit event. Later downloads find status 10 and record nothing.
import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { changeDossierStatus } from '../dossiers/change-dossier-status.ts';
import { initialWorkflow } from './load-dossier-work.ts';
import { insertWorkEvent, lockWorkflow, updateWorkflow } from './workflow.repository.ts';

/** Whether a return was recorded (false: already returned, or not processed). */
export async function recordOnlineReturn(options: {
  readonly db: Db;
  readonly code: string;
  /** The signed-in citizen (the actor when they are the applicant); else the code and phone digits let them in. */
  readonly citizen?: CitizenActor | null | undefined;
  readonly requestId: string | null;
  /** The business clock's now (src/platform/clock.ts). */
  readonly now: Date;
}): Promise<boolean> {
  const { db, code } = options;
  const before = await db
    .selectFrom('dossiers')
    .select(['id', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (before?.status !== 9) {
    return false;
  }
  const at = options.now;
  const dossierId = before.id;
  return db.transaction().execute(async (trx) => {
    const dossier = await trx
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', dossierId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // Two downloads at once: the second waits for the lock and finds the return recorded.
    if (dossier.status !== 9) {
      return false;
    }
    const locked = await lockWorkflow(trx, { ...initialWorkflow(dossier), referral: null });
    await changeDossierStatus(trx, { dossierId, from: [9], to: 10, at });
    const given = options.citizen;
    const isOwner =
      given != null &&
      (given.citizenId === dossier.citizen_id ||
        (given.personalIdentifier != null && given.personalIdentifier === dossier.applicant_identifier));
    const citizen = isOwner ? given : null;
    const receivedBy = citizen?.fullName ?? dossier.applicant.fullName;
    const workflow = {
      returned_at: at,
      returned_to: receivedBy,
      returned_to_identifier: null,
      returned_by_staff_id: null,
    };
    await updateWorkflow(trx, dossierId, workflow);
    await insertWorkEvent(trx, {
      dossier_id: dossierId,
      action: 'returnResult',
      at,
      actor_name: receivedBy,
      note: 'online',
    });
    await appendAuditEvent(trx, {
      actor: citizen ? { type: 'citizen', id: citizen.citizenId } : { type: 'anonymous', id: null },
      action: 'workflow.result_returned',
      unitId: dossier.unit_id,
      subjectType: 'dossier',
      subjectId: dossierId,
      requestId: options.requestId,
      state: { dossierId, status: 10, workflow: { ...locked, ...workflow }, note: 'online' },
      details: { code: dossier.code, from: 9, to: 10, channel: 'online' },
      at,
    });
    return true;
  });
}
