import type { Trx } from '../../database.ts';
import { type DerivationStep, renderDerivation } from '../../lib/calendar/index.ts';

/**
 * Moves a dossier's due date, inside the caller's transaction, with its new derivation (rendered as intake
 * renders it): after a supplement pause ends or the one extension is granted (issue 7 §1, §5). `due_at`
 * is always the current due date: receipts, lookup and statistics read it.
 */
export async function setDossierDueDate(
  trx: Trx,
  change: {
    readonly dossierId: string;
    readonly dueAt: Date;
    readonly derivation: readonly DerivationStep[];
  },
): Promise<void> {
  await trx
    .updateTable('dossiers')
    .set({
      due_at: change.dueAt,
      derivation_vi: renderDerivation(change.derivation, 'vi'),
      derivation_en: renderDerivation(change.derivation, 'en'),
      derivation: JSON.stringify(change.derivation),
    })
    .where('id', '=', change.dossierId)
    .execute();
}
