import type { DbExecutor } from '../../database.ts';
import { type BlobStore, SHA256_HEX } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { StoredFile } from './dossier.table.ts';
import { type DossierViewer, getViewableDossier } from './get-viewable-dossier.ts';

/**
 * One uploaded scan of a dossier, served back only to staff of its unit and to its owner (issue 6 §3): the
 * file must belong to that dossier, whatever else the blob store holds. The one door to a dossier's scans,
 * so auditing who viewed personal documents (Decree 356/2025) can be added here alone.
 *
 * @throws AppError NOT_FOUND (no such dossier for this viewer, or no such file in it)
 */
export async function getDossierScan(options: {
  db: DbExecutor;
  blobStore: BlobStore;
  viewer: DossierViewer;
  /** Not used yet: for the audit event of a staff member viewing personal documents, when it comes. */
  requestId: string | null;
  code: string;
  sha256: string;
}): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  const { dossier } = await getViewableDossier({
    db: options.db,
    viewer: options.viewer,
    code: options.code,
  });
  const file = SHA256_HEX.test(options.sha256)
    ? dossier.documents.flatMap((document) => document.files).find((f) => f.sha256 === options.sha256)
    : undefined;
  const bytes = file ? await options.blobStore.get(file.sha256) : undefined;
  if (!file || !bytes) {
    throw new AppError('NOT_FOUND', 'No such file in this dossier.');
  }
  return { file, bytes };
}
