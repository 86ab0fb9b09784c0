import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { getDossierDraft } from './get-dossier-draft.ts';

/**
 * The citizen gives up a draft. Its scans stay in the blob store (content-addressed, possibly shared with
 * other dossiers); only the draft row goes, with `dossier.draft_deleted`.
 *
 * @throws AppError NOT_FOUND (not the citizen's draft)
 */
export async function deleteDossierDraft(options: {
  db: Db;
  citizen: CitizenActor;
  requestId: string | null;
  draftId: string;
}): Promise<void> {
  const draft = await getDossierDraft(options);
  await options.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('dossier_drafts').where('id', '=', draft.id).execute();
    await appendAuditEvent(trx, {
      actor: { type: 'citizen', id: options.citizen.citizenId },
      action: 'dossier.draft_deleted',
      unitId: draft.unit_id,
      subjectType: 'dossier_draft',
      subjectId: draft.id,
      requestId: options.requestId,
      details: { procedureCode: draft.procedure_code },
    });
  });
}
