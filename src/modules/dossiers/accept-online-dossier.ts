import type { Db } from '../../database.ts';
import { renderDerivation } from '../../lib/calendar/index.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { computeUnitDueDate } from '../calendar/compute-unit-due-date.ts';
import { procedureDeadlineRule } from '../calendar/procedure-deadline-rule.ts';
import type { StaffActor } from '../identity/actor.ts';
import { changeDossierStatus } from './change-dossier-status.ts';
import { loadOnlineDossierForReception } from './online-reception.ts';

export interface AcceptedDossier {
  readonly code: string;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  readonly derivation: { readonly vi: string; readonly en: string };
}

/**
 * A receptionist of the unit accepts an online (or kiosk) dossier: status 1 → 2. The due date counts from
 * this acceptance with the online rule of the calendar module (received within 1 hour before closing →
 * from the next working day, joint e-procedure decree 11/2025) on the procedure version in force now; the
 * reception time, due date, derivation and officer are written with the status change and `dossier.accepted`
 * in one transaction. The receipt (BM.01) is then available to staff and to the citizen.
 *
 * @throws AppError NOT_FOUND (no such dossier, or not visible to the actor), FORBIDDEN (no dossier.receive
 *   on its unit), INVALID_STATE (not awaiting acceptance: already accepted or refused, or a counter dossier)
 */
export async function acceptOnlineDossier(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  code: string;
  now?: Date;
}): Promise<AcceptedDossier> {
  const { db, actor } = options;
  const dossier = await loadOnlineDossierForReception(db, actor, options.code);
  const at = options.now ?? new Date();
  const rule = await procedureDeadlineRule({
    db,
    unitId: dossier.unit_id,
    procedureCode: dossier.procedure_code,
    receivedAt: at,
    channel: 'online',
  });
  const due = await computeUnitDueDate({ db, unitId: dossier.unit_id, rule, receivedAt: at });
  const derivation = {
    vi: renderDerivation(due.derivation, 'vi'),
    en: renderDerivation(due.derivation, 'en'),
  };
  await db.transaction().execute(async (trx) => {
    await changeDossierStatus(trx, { dossierId: dossier.id, from: [1], to: 2, at });
    const change = {
      received_at: at,
      due_at: due.dueAt,
      derivation_vi: derivation.vi,
      derivation_en: derivation.en,
      derivation: JSON.stringify(due.derivation),
      received_by: actor.staffId,
    };
    await trx.updateTable('dossiers').set(change).where('id', '=', dossier.id).execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: actor.staffId },
      action: 'dossier.accepted',
      unitId: dossier.unit_id,
      subjectType: 'dossier',
      subjectId: dossier.id,
      requestId: options.requestId,
      state: { code: dossier.code, status: 2, ...change, derivation: due.derivation },
      details: { code: dossier.code, status: 2, dueAt: due.dueAt.toISOString() },
      at,
    });
  });
  return { code: dossier.code, receivedAt: at, dueAt: due.dueAt, derivation };
}
