// For the module that asked for a signature (issue 5 §4): the final signed PDF of its subject, once the
// request is completed (e.g. to hand a dossier's signed result to the citizen, or to send a document out).
// The caller has authorised its actor on its own subject; this only reads.
import type { DbExecutor } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { listSignatureRequestsOfSubject } from './signature-request.repository.ts';
import type { SignatureRequest } from './signature-request.table.ts';

export async function findSignedPdf(options: {
  db: DbExecutor;
  blobStore: BlobStore;
  subjectType: string;
  subjectId: string;
}): Promise<{ request: SignatureRequest; pdf: Uint8Array } | undefined> {
  const requests = await listSignatureRequestsOfSubject(options.db, options.subjectType, options.subjectId);
  const completed = requests.find((r) => r.state === 'completed');
  const pdf = completed ? await options.blobStore.get(completed.current_sha256) : undefined;
  return completed && pdf ? { request: completed, pdf } : undefined;
}
