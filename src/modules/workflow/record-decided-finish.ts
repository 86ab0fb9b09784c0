// Processing finished by a decision taken outside the workflow's approval (issue 7 §3: the chairman's
// signature on a certification statement): the finish time and the outcome early / on time / late are
// recorded on the dossier's workflow row as markProcessed does, so statistics count the dossier. Measured
// on the statutory due date (pauses counted, the extension not), inside the caller's transaction.
import type { Trx } from '../../database.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import { processingOutcome } from './dossier-deadline.ts';
import { initialWorkflow } from './load-dossier-work.ts';
import { lockWorkflow, updateWorkflow } from './workflow.repository.ts';
import type { Timeliness } from './workflow.table.ts';

export async function recordDecidedFinish(trx: Trx, dossier: Dossier, at: Date): Promise<Timeliness> {
  const locked = await lockWorkflow(trx, { ...initialWorkflow(dossier), referral: null });
  const outcome = processingOutcome(at, locked, dossier);
  await updateWorkflow(trx, dossier.id, { finished_at: at, outcome });
  return outcome;
}
