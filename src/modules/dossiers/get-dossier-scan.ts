import type { Db, DbExecutor } from '../../database.ts';
import { type BlobStore, SHA256_HEX } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { StoredFile } from './dossier.table.ts';
import { type DossierViewer, getViewableDossier } from './get-viewable-dossier.ts';
import { appendDossierView } from './record-dossier-view.ts';

/**
 * One uploaded scan of a dossier, served back only to staff of its unit and to its owner (issue 6 §3): the
 * file must belong to that dossier, whatever else the blob store holds. The one door to a dossier's scans.
 *
 * A staff member's view is a `dossier.viewed` event (view `scan`, the file's SHA-256; Decree 356/2025,
 * issue 4 §1) appended in the transaction that reads the dossier: no event, no bytes. The owner's view of
 * their own scan appends none, as their own lookup and dossier pages do: the log records who else read
 * their personal data, and the owner is not someone else.
 *
 * @throws AppError NOT_FOUND (no such dossier for this viewer, or no such file in it)
 */
export async function getDossierScan(options: {
  db: Db;
  blobStore: BlobStore;
  viewer: DossierViewer;
  requestId: string | null;
  code: string;
  sha256: string;
}): Promise<{ file: StoredFile; bytes: Uint8Array }> {
  const { viewer } = options;
  if (viewer.kind !== 'staff') {
    const { file, bytes } = await readScan(options.db, options);
    return { file, bytes };
  }
  return options.db.transaction().execute(async (trx) => {
    const scan = await readScan(trx, options);
    await appendDossierView(trx, {
      actor: viewer,
      requestId: options.requestId,
      dossier: scan.dossier,
      kind: 'scan',
      file: scan.file.sha256,
    });
    return { file: scan.file, bytes: scan.bytes };
  });
}

async function readScan(
  db: DbExecutor,
  options: { blobStore: BlobStore; viewer: DossierViewer; code: string; sha256: string },
) {
  const { dossier } = await getViewableDossier({ db, viewer: options.viewer, code: options.code });
  const file = SHA256_HEX.test(options.sha256)
    ? dossier.documents.flatMap((document) => document.files).find((f) => f.sha256 === options.sha256)
    : undefined;
  const bytes = file ? await options.blobStore.get(file.sha256) : undefined;
  if (!file || !bytes) {
    throw new AppError('NOT_FOUND', 'No such file in this dossier.');
  }
  return { dossier, file, bytes };
}
