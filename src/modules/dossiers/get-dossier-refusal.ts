// BM.03 for a refused dossier (issue 6 §4 "Refusal to receive with reasons"): the record mapped onto the form.
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findStaffName } from '../identity/find-staff-name.ts';
import type { RefusalData } from '../receipts/receipt.types.ts';
import { formApplicantOf, receivingBodyOf } from './get-dossier-receipt.ts';
import { type DossierViewer, getViewableDossier } from './get-viewable-dossier.ts';
import { recordDossierView } from './record-dossier-view.ts';

/**
 * The refusal form of a dossier refused at the counter or online, for staff of its unit or its owner
 * (NOT_FOUND otherwise). Dated at the refusal: `refused_at` for an online dossier (refused after its
 * submission), the reception time for a counter refusal (the same moment). Any other status has no
 * refusal (INVALID_STATE). A staff member opening it is a `dossier.viewed` event (it names the applicant).
 */
export async function getDossierRefusal(options: {
  db: DbExecutor;
  actor: DossierViewer;
  code: string;
  requestId: string | null;
  /** The printable page or the PDF (default: the page). */
  format?: 'page' | 'pdf';
}): Promise<RefusalData> {
  const { dossier } = await getViewableDossier({ db: options.db, viewer: options.actor, code: options.code });
  if (dossier.status !== 3) {
    throw new AppError('INVALID_STATE', 'The dossier was not refused.');
  }
  if (options.actor.kind === 'staff') {
    const kind = options.format === 'pdf' ? 'refusal-pdf' : 'refusal';
    await recordDossierView({ ...options, actor: options.actor, dossier, kind });
  }
  const officer = dossier.received_by
    ? await findStaffName({ db: options.db, staffId: dossier.received_by })
    : undefined;
  return {
    body: await receivingBodyOf(options.db, dossier.unit_id),
    dossierCode: dossier.code,
    applicant: formApplicantOf(dossier.applicant),
    procedureName: dossier.procedure_name,
    reasons: (dossier.refusal_reasons ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    receivingOfficer: officer ?? '',
    refusedAt: dossier.refused_at ?? dossier.received_at,
  };
}
