import type { DbExecutor } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { StoredFile } from '../dossiers/dossier.table.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { loadDossierWork } from './load-dossier-work.ts';
import { listSupplements } from './workflow.repository.ts';

/**
 * A file the applicant supplied (BM.02 answer, online or at the counter), for staff who may see the
 * dossier. Only a file listed on one of the dossier's supplements is served: a hash alone opens nothing.
 * Opening it is a `dossier.viewed` event with the file's SHA-256 (the applicant's content, issue 4 §1).
 *
 * @throws AppError NOT_FOUND (dossier not visible, or no such file on it)
 */
export async function getSuppliedFile(options: {
  db: DbExecutor;
  blobStore: BlobStore;
  actor: StaffActor;
  code: string;
  sha256: string;
  requestId: string | null;
}): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  const work = await loadDossierWork(options);
  const file = (await listSupplements(options.db, work.dossier.id))
    .flatMap((s) => s.files)
    .find((f) => f.sha256 === options.sha256);
  const bytes = file ? await options.blobStore.get(file.sha256) : undefined;
  if (!file || !bytes) {
    throw new AppError('NOT_FOUND', 'No such file on this dossier.');
  }
  await recordDossierView({ ...options, dossier: work.dossier, kind: 'supplied-file', file: file.sha256 });
  return { file, bytes };
}
