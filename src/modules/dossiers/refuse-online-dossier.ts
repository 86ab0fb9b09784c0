import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { changeDossierStatus } from './change-dossier-status.ts';
import { loadOnlineDossierForReception } from './online-reception.ts';

/**
 * A receptionist of the unit refuses to receive an online (or kiosk) dossier: status 1 → 3 with the reasons
 * (BM.03, Decree 118/2025: a refusal states its specific reasons). BM.03 is dated at this refusal
 * (`refused_at`), not at the submission. The change and `dossier.refused` commit together.
 *
 * @throws AppError NOT_FOUND, FORBIDDEN, INVALID_STATE (as acceptOnlineDossier), VALIDATION_FAILED
 *   (refusalReasons: required)
 */
export async function refuseOnlineDossier(options: {
  db: Db;
  actor: StaffActor;
  requestId: string | null;
  code: string;
  reasons: string;
  now?: Date;
}): Promise<{ code: string; refusedAt: Date }> {
  const { db, actor } = options;
  const reasons = options.reasons.trim().slice(0, 2000);
  if (!reasons) {
    throw new AppError('VALIDATION_FAILED', 'Ghi rõ lý do từ chối tiếp nhận.', {
      fields: { refusalReasons: 'required' },
    });
  }
  const dossier = await loadOnlineDossierForReception(db, actor, options.code);
  const at = options.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    await changeDossierStatus(trx, { dossierId: dossier.id, from: [1], to: 3, at });
    const change = { refusal_reasons: reasons, refused_at: at, received_by: actor.staffId };
    await trx.updateTable('dossiers').set(change).where('id', '=', dossier.id).execute();
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: actor.staffId },
      action: 'dossier.refused',
      unitId: dossier.unit_id,
      subjectType: 'dossier',
      subjectId: dossier.id,
      requestId: options.requestId,
      state: { code: dossier.code, status: 3, ...change },
      details: { code: dossier.code, channel: dossier.channel, status: 3 },
      at,
    });
  });
  return { code: dossier.code, refusedAt: at };
}
