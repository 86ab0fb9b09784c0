// The certification's own extension (issue 7 §3; Decree 23/2015 as amended, shared/DOMAIN.md: same day,
// after 15:00 the next working day, "extension ≤ 2 working days for many or complex papers"): the
// certifying officer extends a dossier not yet certified by 1 or 2 working days, on one of the two grounds
// with its reason; the new due date is the calendar engine's; once only; the citizen is told the new date.
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { applyExtension } from '../workflow/apply-extension.ts';
import { certificationKindOf } from './certification-kind.ts';
import { loadCertificationDossier } from './load-certification-dossier.ts';

/** At most 2 working days (Decree 23/2015 as amended by Decree 07/2025; DOMAIN.md). */
export const CERTIFICATION_EXTENSION_MAX_DAYS = 2;

/** Why a certification may take longer: many papers at once, or complex content. */
export const EXTENSION_GROUNDS = ['manyPapers', 'complexContent'] as const;
export type ExtensionGround = (typeof EXTENSION_GROUNDS)[number];

const GROUND_TEXT: Record<ExtensionGround, string> = {
  manyPapers: 'Nhiều giấy tờ, văn bản cần chứng thực',
  complexContent: 'Nội dung phức tạp, khó kiểm tra',
};

/**
 * @throws AppError NOT_FOUND (no such dossier for this actor), FORBIDDEN (no certify right on the
 *   certifying commune), INVALID_STATE (not a certification, not received or in processing, or extended
 *   already), VALIDATION_FAILED (`days`, `ground`, `reason`)
 */
export async function extendCertification(options: {
  readonly db: Db;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly code: string;
  readonly days?: number | undefined;
  readonly ground?: string | undefined;
  readonly reason?: string | undefined;
  /** The business clock's now; default the system time. */
  readonly now?: Date | undefined;
}): Promise<{ previousDueAt: Date | null; dueAt: Date }> {
  const { db, actor } = options;
  const at = options.now ?? new Date();
  const { dossier, certifyingUnit: unit } = await loadCertificationDossier({
    db,
    viewer: actor,
    code: options.code,
  });
  if (!can(actor, 'certification.certify', unit)) {
    throw new AppError('FORBIDDEN', 'Only the certifying officer of the commune extends a certification.');
  }
  if (!certificationKindOf(dossier.procedure_code)) {
    throw new AppError('INVALID_STATE', 'The dossier is not of a certification procedure.');
  }
  const days = options.days ?? Number.NaN;
  const ground = EXTENSION_GROUNDS.find((g) => g === options.ground);
  const note = (options.reason ?? '').trim().slice(0, 1000);
  const fields: Record<string, string> = {};
  if (!Number.isInteger(days) || days < 1 || days > CERTIFICATION_EXTENSION_MAX_DAYS) {
    fields.days = 'certificationExtensionDays';
  }
  if (!ground) {
    fields.ground = 'required';
  }
  if (!note) {
    fields.reason = 'required';
  }
  if (!ground || Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The extension needs 1 or 2 days, its ground and reason.', {
      fields,
    });
  }
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', dossier.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status !== 2 && current.status !== 4) {
      throw new AppError('INVALID_STATE', 'Only a dossier received or being certified is extended.');
    }
    const reason = `${GROUND_TEXT[ground]}: ${note}`;
    const extended = await applyExtension(trx, current, { days, reason, at });
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: actor.staffId },
      action: 'certification.extended',
      unitId: unit.id,
      subjectType: 'dossier',
      subjectId: dossier.id,
      requestId: options.requestId,
      // The reason may name people: only its digest enters the log.
      state: { dossierId: dossier.id, days, reason, dueAt: extended.dueAt.toISOString() },
      details: {
        code: dossier.code,
        days,
        ground,
        previousDueAt: extended.previousDueAt?.toISOString() ?? null,
        dueAt: extended.dueAt.toISOString(),
      },
      at,
    });
    return extended;
  });
}
