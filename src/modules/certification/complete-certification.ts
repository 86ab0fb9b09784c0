// When the certified PDF is signed and sealed (issue 7 §3), in the sealing transaction: the register entry
// is complete and, once none of the dossier's papers awaits a signature, the dossier is processed (4 → 9).
// The certification dossier does not go through the workflow's approval (markProcessed requires one): the
// chairman's signature on the statement is the decision, so the status moves through changeDossierStatus.
import type { Trx } from '../../database.ts';
import { type Clock, systemClock } from '../../platform/clock.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { changeDossierStatus } from '../dossiers/change-dossier-status.ts';
import { OPEN_STATES, type SignatureRequest } from '../signature-requests/signature-request.table.ts';
import {
  onSignatureRequestCompleted,
  onSignatureRequestDossier,
} from '../signature-requests/signature-request-completion.ts';
import { recordDecidedFinish } from '../workflow/record-decided-finish.ts';
import { CERTIFICATION_SUBJECT } from './certify-paper.ts';

export async function completeCertification(
  trx: Trx,
  request: SignatureRequest,
  clock: Clock = systemClock,
): Promise<void> {
  // The business time of the decision (processed, outcome); the seal's own time stays the signing time.
  const at = clock.now();
  const row = await trx
    .updateTable('certifications')
    .set({ state: 'completed', completed_at: at })
    .where('id', '=', request.subject_id)
    .where('signature_request_id', '=', request.id)
    .where('state', '=', 'awaiting_signature')
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    return;
  }
  // Papers whose request was returned or cancelled keep their number in the register but wait for nothing.
  const pending = await trx
    .selectFrom('certifications as c')
    .innerJoin('signature_requests as r', 'r.id', 'c.signature_request_id')
    .select('c.id')
    .where('c.dossier_id', '=', row.dossier_id)
    .where('c.state', '=', 'awaiting_signature')
    .where('r.state', 'in', [...OPEN_STATES])
    .executeTakeFirst();
  const dossier = await trx
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', row.dossier_id)
    .executeTakeFirstOrThrow();
  const isProcessed = !pending && dossier.status === 4;
  // The outcome early / on time / late, as the workflow records it for other dossiers (statistics).
  const outcome = isProcessed ? await recordDecidedFinish(trx, dossier, at) : undefined;
  if (isProcessed) {
    await changeDossierStatus(trx, { dossierId: row.dossier_id, from: [4], to: 9, at });
  }
  await appendAuditEvent(trx, {
    actor: request.sealed_by_staff_id
      ? { type: 'staff', id: request.sealed_by_staff_id }
      : { type: 'system', id: null },
    action: 'certification.completed',
    unitId: row.unit_id,
    subjectType: 'certification',
    subjectId: row.id,
    requestId: null,
    at,
    state: { id: row.id, number: row.number, state: row.state, sha256: request.current_sha256 },
    details: {
      number: row.number,
      dossier: dossier.code,
      isDossierProcessed: isProcessed,
      ...(outcome ? { outcome } : {}),
    },
  });
}

let isRegistered = false;
/** The clock of the app built last: the handler is per process, the clock per app (one per process in use). */
let completionClock: Clock = systemClock;

/** Registers the completion handler once (app start-up, tests), on the app's business clock. */
export function registerCertificationCompletion(clock: Clock = systemClock): void {
  completionClock = clock;
  if (!isRegistered) {
    isRegistered = true;
    onSignatureRequestCompleted(CERTIFICATION_SUBJECT, (trx, request) =>
      completeCertification(trx, request, completionClock),
    );
    // The certified copy names the requester: its PDF's download is a read of the dossier.
    onSignatureRequestDossier(CERTIFICATION_SUBJECT, (db, certificationId) =>
      db
        .selectFrom('certifications as c')
        .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
        .select(['d.id', 'd.code', 'd.unit_id'])
        .where('c.id', '=', certificationId)
        .executeTakeFirst(),
    );
  }
}
