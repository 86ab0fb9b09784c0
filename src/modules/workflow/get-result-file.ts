import type { DbExecutor } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { loadDossierWork } from './load-dossier-work.ts';

/**
 * The uploaded result PDF of a dossier, for staff who may see it (issue 7 §1). NOT_FOUND when there is none.
 * It names the applicant: a `dossier.viewed` event with the file's SHA-256 (issue 4 §1).
 */
export async function getResultFile(options: {
  db: DbExecutor;
  blobStore: BlobStore;
  actor: StaffActor;
  code: string;
  requestId: string | null;
}): Promise<{ code: string; bytes: Uint8Array }> {
  const work = await loadDossierWork(options);
  const sha256 = work.workflow.result_sha256;
  const bytes = sha256 ? await options.blobStore.get(sha256) : undefined;
  if (!bytes) {
    throw new AppError('NOT_FOUND', 'This dossier has no result file.');
  }
  await recordDossierView({ ...options, dossier: work.dossier, kind: 'result', file: sha256 ?? undefined });
  return { code: work.dossier.code, bytes };
}
