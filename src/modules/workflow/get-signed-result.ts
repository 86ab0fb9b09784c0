// The signed and sealed result of a dossier (issue 7 §2): for the applicant (signed in, or with the code and
// the last 4 digits of the phone, the lookup's own check: a wrong code, phone or a result not ready all end
// in the same NOT_FOUND), and for staff who may see the dossier. The PDF carries the seal's QR code to the
// public verification page /xac-minh/<request id>.
import type { Db, DbExecutor } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { lookupDossier } from '../dossiers/lookup-dossier.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { findSignedPdf } from '../signature-requests/get-signed-pdf.ts';
import { loadDossierWork } from './load-dossier-work.ts';
import { recordOnlineReturn } from './record-online-return.ts';
import { RESULT_SUBJECT } from './result-signing.ts';

export interface SignedResult {
  readonly code: string;
  readonly requestId: string;
  readonly pdf: Uint8Array;
}

async function signedResultOf(db: DbExecutor, blobStore: BlobStore, code: string): Promise<SignedResult> {
  const found = await findSignedPdf({ db, blobStore, subjectType: RESULT_SUBJECT, subjectId: code });
  if (!found) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy kết quả đã ký của hồ sơ này.');
  }
  return { code, requestId: found.request.id, pdf: found.pdf };
}

/**
 * For the applicant: NOT_FOUND unless the lookup check passes and the result is sealed. The first download
 * is the return of the result (9 → 10, channel online: record-online-return.ts).
 */
export async function getSignedResultForApplicant(options: {
  db: Db;
  blobStore: BlobStore;
  code: string;
  phoneLast4?: string | undefined;
  citizen?: CitizenActor | null;
  requestId?: string | null;
  /** The business clock's now (the return's time); default the system time. */
  now?: Date;
}): Promise<SignedResult> {
  const view = await lookupDossier(options);
  const result = await signedResultOf(options.db, options.blobStore, view.code);
  await recordOnlineReturn({
    db: options.db,
    code: view.code,
    citizen: options.citizen,
    requestId: options.requestId ?? null,
    now: options.now ?? new Date(),
  });
  return result;
}

/**
 * For staff who may see the dossier (NOT_FOUND otherwise, or when nothing is sealed yet); the download is a
 * `dossier.viewed` event (the result names the applicant, issue 4 §1).
 */
export async function getSignedResultForStaff(options: {
  db: DbExecutor;
  blobStore: BlobStore;
  actor: StaffActor;
  code: string;
  requestId: string | null;
}): Promise<SignedResult> {
  const work = await loadDossierWork(options);
  const result = await signedResultOf(options.db, options.blobStore, work.dossier.code);
  await recordDossierView({ ...options, dossier: work.dossier, kind: 'signed-result' });
  return result;
}

/** Whether the dossier's result is sealed (the lookup page offers the download then). */
export async function hasSignedResult(db: DbExecutor, code: string): Promise<boolean> {
  return (await listCodesWithSignedResult(db, [code])).has(code);
}

/** Which of these dossiers have a sealed result (the citizen's list offers their downloads), in one query. */
export async function listCodesWithSignedResult(
  db: DbExecutor,
  codes: readonly string[],
): Promise<ReadonlySet<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('signature_requests')
    .select('subject_id')
    .where('subject_type', '=', RESULT_SUBJECT)
    .where('subject_id', 'in', codes)
    .where('state', '=', 'completed')
    .execute();
  return new Set(rows.map((r) => r.subject_id));
}
