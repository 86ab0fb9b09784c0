// The door other modules use to react when a signed document is final (issue 5 §4): a handler registered
// for a subject type runs inside the transaction that completes the request (the seal signature, or the
// leader's signature when no seal is needed), so e.g. a dossier becomes "processed" exactly when its
// result is sealed. A handler that throws rolls the whole signature back: nothing is half-written.
// The subject's module also adds the seal's lines (its number) and says which dossier a request's PDF is
// about, so that a staff download of it is a read of that dossier (issue 4 §1).
import type { DbExecutor, Trx } from '../../database.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import type { SignatureRequest } from './signature-request.table.ts';

export type SignatureRequestCompletedHandler = (trx: Trx, request: SignatureRequest) => Promise<void>;

const handlers = new Map<string, SignatureRequestCompletedHandler[]>();

/** Registers `handler` for requests of `subjectType`; returns a function that removes it (for tests). */
export function onSignatureRequestCompleted(
  subjectType: string,
  handler: SignatureRequestCompletedHandler,
): () => void {
  const list = handlers.get(subjectType) ?? [];
  list.push(handler);
  handlers.set(subjectType, list);
  return () => {
    const current = handlers.get(subjectType) ?? [];
    handlers.set(
      subjectType,
      current.filter((h) => h !== handler),
    );
  };
}

/** Runs the handlers of the request's subject type, in registration order, in the completing transaction. */
export async function runCompletionHandlers(trx: Trx, request: SignatureRequest): Promise<void> {
  for (const handler of handlers.get(request.subject_type) ?? []) {
    await handler(trx, request);
  }
}

/**
 * Lines a subject adds to the seal's appearance, before the seal signature is made (Decree 30/2020 Art. 14:
 * the clerk numbers the document, then applies the organisation's signature): request id → lines.
 */
export type SignatureRequestSealingHandler = (
  db: DbExecutor,
  requests: readonly SignatureRequest[],
  at: Date,
) => Promise<ReadonlyMap<string, readonly string[]>>;

const sealingHandlers = new Map<string, SignatureRequestSealingHandler>();

/** Registers the one sealing handler of `subjectType` (a later one replaces it). */
export function onSignatureRequestSealing(
  subjectType: string,
  handler: SignatureRequestSealingHandler,
): void {
  sealingHandlers.set(subjectType, handler);
}

/** The extra seal lines of every request (in batch order per subject type), from their subjects' handlers. */
export async function sealingLines(
  db: DbExecutor,
  requests: readonly SignatureRequest[],
  at: Date,
): Promise<ReadonlyMap<string, readonly string[]>> {
  const lines = new Map<string, readonly string[]>();
  for (const [subjectType, handler] of sealingHandlers) {
    const ofType = requests.filter((r) => r.subject_type === subjectType);
    if (ofType.length > 0) {
      for (const [id, extra] of await handler(db, ofType, at)) {
        lines.set(id, extra);
      }
    }
  }
  return lines;
}

/** The dossier a request's document belongs to (a result, a slip, a certified copy), by the subject's owner. */
export type SignatureRequestDossierFinder = (
  db: DbExecutor,
  subjectId: string,
) => Promise<Pick<Dossier, 'id' | 'code' | 'unit_id'> | undefined>;

const dossierFinders = new Map<string, SignatureRequestDossierFinder>();

/**
 * Registers how to find the dossier of `subjectType`'s requests: their PDF names the applicant, so a staff
 * member's download is a read of that dossier's personal data (issue 4 §1, `dossier.viewed`).
 */
export function onSignatureRequestDossier(subjectType: string, finder: SignatureRequestDossierFinder): void {
  dossierFinders.set(subjectType, finder);
}

/** The dossier of the request's subject, when its owner registered a finder (documents submitted by hand: none). */
export async function findSignatureRequestDossier(
  db: DbExecutor,
  request: SignatureRequest,
): Promise<Pick<Dossier, 'id' | 'code' | 'unit_id'> | undefined> {
  return dossierFinders.get(request.subject_type)?.(db, request.subject_id);
}
