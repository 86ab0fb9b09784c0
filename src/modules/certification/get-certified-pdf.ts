// The certified PDF of one register entry (issue 7 §3): to the staff of the dossier's unit at any stage
// (the prepared PDF until it is sealed), to the citizen who owns the dossier only once signed and sealed;
// the citizen's first download once the dossier is processed returns the result (9 → 10, online).
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { DossierViewer } from '../dossiers/get-viewable-dossier.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import { findSignatureRequest } from '../signature-requests/signature-request.repository.ts';
import { recordOnlineReturn } from '../workflow/record-online-return.ts';
import type { Certification } from './certification.table.ts';
import { loadCertificationDossier } from './load-certification-dossier.ts';

/** @throws AppError NOT_FOUND (no such dossier or entry for this viewer, or not yet sealed for a citizen) */
export async function getCertifiedPdf(options: {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly viewer: DossierViewer;
  readonly code: string;
  readonly certificationId: string;
  readonly requestId?: string | null;
  /** The business clock's now (the return's time); default the system time. */
  readonly now?: Date;
}): Promise<{ certification: Certification; pdf: Uint8Array }> {
  const { dossier } = await loadCertificationDossier({
    db: options.db,
    viewer: options.viewer,
    code: options.code,
  });
  const certification = /^[0-9a-f-]{36}$/.test(options.certificationId)
    ? await options.db
        .selectFrom('certifications')
        .selectAll()
        .where('id', '=', options.certificationId)
        .where('dossier_id', '=', dossier.id)
        .executeTakeFirst()
    : undefined;
  const isReady = certification?.state === 'completed' || options.viewer.kind === 'staff';
  const request =
    certification && isReady
      ? await findSignatureRequest(options.db, certification.signature_request_id)
      : undefined;
  const pdf = request ? await options.blobStore.get(request.current_sha256) : undefined;
  if (!certification || !pdf) {
    throw new AppError('NOT_FOUND', 'No such certified paper.');
  }
  // A staff member's download shows the certified paper (personal data): a `dossier.viewed` event.
  if (options.viewer.kind === 'staff') {
    await recordDossierView({
      db: options.db,
      actor: options.viewer,
      requestId: options.requestId ?? null,
      dossier,
      kind: 'certified-pdf',
      item: certification.id,
    });
  }
  // The citizen's first download of a signed copy of a processed dossier is its return (9 → 10, online).
  if (options.viewer.kind === 'citizen') {
    await recordOnlineReturn({
      db: options.db,
      code: dossier.code,
      citizen: options.viewer,
      requestId: options.requestId ?? null,
      now: options.now ?? new Date(),
    });
  }
  return { certification, pdf };
}
