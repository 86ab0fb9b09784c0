// The documents of a dossier with their scans, shared by every intake channel (counter, API, online, kiosk):
// which required documents were ticked, each upload checked by content and size, then stored by hash.
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { checkUpload, checkUploadSizes, type UploadLimits } from './check-upload.ts';
import type { ReceivedDocument, StoredFile } from './dossier.table.ts';

export interface DocumentInput {
  /** Index in the procedure's list of required documents. */
  readonly index: number;
  readonly files: readonly Uint8Array[];
}

/**
 * Checks that every document is one of the procedure's (each once), that the new files are within the
 * limits (together with the files `kept` from a draft) and are PDF, JPEG or PNG by content, then stores them
 * (content-addressed, before any transaction: an unreferenced blob is harmless, a half-stored one
 * impossible). Returns the documents in the procedure's order, kept files first.
 *
 * @throws AppError VALIDATION_FAILED (documents: documentIndex), UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE
 */
export async function storeDocumentUploads(options: {
  blobStore: BlobStore;
  procedure: { readonly documents: readonly { readonly name: string }[] };
  documents: readonly DocumentInput[];
  limits: UploadLimits;
  kept?: readonly ReceivedDocument[];
}): Promise<ReceivedDocument[]> {
  const { procedure } = options;
  const seen = new Set<number>();
  for (const document of options.documents) {
    if (!procedure.documents[document.index] || seen.has(document.index)) {
      throw new AppError('VALIDATION_FAILED', 'Giấy tờ không thuộc danh mục của thủ tục.', {
        fields: { documents: 'documentIndex' },
      });
    }
    seen.add(document.index);
  }
  const kept = new Map((options.kept ?? []).map((document) => [document.index, document.files]));
  const uploads = options.documents.flatMap((document) =>
    document.files.map((bytes, n) => ({
      document,
      bytes,
      label: `${procedure.documents[document.index]?.name ?? ''} (${(kept.get(document.index)?.length ?? 0) + n + 1})`,
    })),
  );
  const keptBytes = [...kept.entries()]
    .filter(([index]) => seen.has(index))
    .reduce((sum, [, files]) => sum + files.reduce((s, f) => s + f.size, 0), 0);
  checkUploadSizes(uploads, {
    ...options.limits,
    maxDossierBytes: options.limits.maxDossierBytes - keptBytes,
  });
  const mediaTypes = uploads.map((upload) => checkUpload(upload.bytes, upload.label));
  const stored = new Map<(typeof uploads)[number], StoredFile>();
  for (const [i, upload] of uploads.entries()) {
    const blob = await options.blobStore.put(upload.bytes);
    stored.set(upload, { ...blob, mediaType: mediaTypes[i] as StoredFile['mediaType'] });
  }
  return [...options.documents]
    .sort((a, b) => a.index - b.index)
    .map((document) => ({
      index: document.index,
      name: procedure.documents[document.index]?.name ?? '',
      files: [
        ...(kept.get(document.index) ?? []),
        ...uploads.filter((u) => u.document === document).map((u) => stored.get(u) as StoredFile),
      ],
    }));
}
