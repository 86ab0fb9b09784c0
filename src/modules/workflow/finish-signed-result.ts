// The hook that finishes processing when a dossier's result is sealed (issue 7 §2): registered once per
// process, it runs markProcessed (4 → 9, outcome early / on time / late) inside the transaction that
// completes the signature request, as the clerk who sealed; if it throws, the seal is rolled back too.
import type { Trx } from '../../database.ts';
import { type Clock, systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffById } from '../identity/staff.repository.ts';
import type { SignatureRequest } from '../signature-requests/signature-request.table.ts';
import {
  onSignatureRequestCompleted,
  onSignatureRequestDossier,
  onSignatureRequestSealing,
} from '../signature-requests/signature-request-completion.ts';
import { markProcessed } from './mark-processed.ts';
import { drawResultNumbers, takeResultNumber } from './number-result.ts';
import { SLIP_SUBJECTS } from './request-slip-signature.ts';
import { RESULT_SUBJECT } from './result-signing.ts';

/**
 * Sealing (or signing, without a seal) the result finishes processing, as the staff member who completed it;
 * only the sealed result takes the official number.
 */
export async function finishSignedResult(
  trx: Trx,
  request: SignatureRequest,
  clock: Clock = systemClock,
): Promise<void> {
  const staffId = request.sealed_by_staff_id ?? request.signer_staff_id;
  const staff = await findStaffById(trx, staffId);
  if (!staff) {
    throw new AppError('INTERNAL', 'The staff member who completed the result is unknown.');
  }
  const actor = await loadActor(trx, staff);
  const at = request.completed_at ?? new Date();
  // Decree 30/2020 Art. 14–15: the number from the register, taken by the clerk in the sealing transaction.
  // Only a sealed result is numbered: the number is printed on the seal's appearance (drawResultNumbers runs
  // when the seal is made), and the organisation's signature is what issues the document (Art. 14: number,
  // register, then the organisation's digital signature). A result completed by the leader's signature alone
  // (a request that needs no seal) would carry a number printed nowhere, so it takes none and has no
  // register entry: it finishes processing unnumbered and the register stays gapless.
  if (request.needs_seal) {
    await takeResultNumber(trx, request, actor, at);
  }
  await markProcessed({
    db: trx,
    trx,
    actor,
    requestId: null,
    code: request.subject_id,
    // The business time of the finish (outcome); the seal's own time stays the signing time.
    now: clock.now(),
  });
}

let registered = false;
/** The clock of the app built last (the handler is per process). */
let finishClock: Clock = systemClock;

/** Registers the completion handler once per process (buildApp may run many times in tests). */
export function registerResultSigning(clock: Clock = systemClock): void {
  finishClock = clock;
  if (!registered) {
    registered = true;
    onSignatureRequestCompleted(RESULT_SUBJECT, (trx, request) =>
      finishSignedResult(trx, request, finishClock),
    );
    onSignatureRequestSealing(RESULT_SUBJECT, drawResultNumbers);
    // The result and the slips name the applicant: their PDFs' downloads are reads of the dossier (by code).
    for (const subject of [RESULT_SUBJECT, ...Object.values(SLIP_SUBJECTS)]) {
      onSignatureRequestDossier(subject, findDossierByCode);
    }
  }
}
