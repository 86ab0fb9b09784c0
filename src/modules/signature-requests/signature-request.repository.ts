// Plain queries on signature_requests and their history; the first argument is the database or a transaction.

import type { Insertable } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import type {
  SignatureRequest,
  SignatureRequestState,
  SignatureRequestStep,
  SignatureRequestTable,
} from './signature-request.table.ts';

export async function insertSignatureRequest(
  db: DbExecutor,
  row: Insertable<SignatureRequestTable>,
): Promise<void> {
  await db.insertInto('signature_requests').values(row).execute();
}

export async function findSignatureRequest(
  db: DbExecutor,
  id: string,
): Promise<SignatureRequest | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    return undefined;
  }
  return db.selectFrom('signature_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSignatureRequests(
  db: DbExecutor,
  ids: readonly string[],
): Promise<SignatureRequest[]> {
  const valid = ids.filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  if (valid.length === 0) {
    return [];
  }
  return db.selectFrom('signature_requests').selectAll().where('id', 'in', valid).execute();
}

export type SignatureRequestListItem = SignatureRequest & { signerName: string; unitName: string };

export async function listSignatureRequestsWhere(
  db: DbExecutor,
  filter: {
    unitIds?: readonly string[];
    signerStaffId?: string;
    states?: readonly SignatureRequestState[];
    limit?: number;
  },
): Promise<SignatureRequestListItem[]> {
  let query = db
    .selectFrom('signature_requests as r')
    .innerJoin('staff as s', 's.id', 'r.signer_staff_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['s.full_name as signerName', 'u.name as unitName']);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) {
      return [];
    }
    query = query.where('r.unit_id', 'in', [...filter.unitIds]);
  }
  if (filter.signerStaffId) {
    query = query.where('r.signer_staff_id', '=', filter.signerStaffId);
  }
  if (filter.states) {
    query = query.where('r.state', 'in', [...filter.states]);
  }
  return query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(filter.limit ?? 200)
    .execute();
}

/**
 * Moves a request from `from` to another state: the guard is in the UPDATE, so two posts of the same form
 * (or two clerks at once) cannot both move it; undefined when the request was not in `from`.
 */
export async function transitionSignatureRequest(
  db: DbExecutor,
  id: string,
  from: SignatureRequestState,
  set: Partial<Omit<SignatureRequest, 'id' | 'placement' | 'created_at'>>,
): Promise<SignatureRequest | undefined> {
  return db
    .updateTable('signature_requests')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', from)
    .returningAll()
    .executeTakeFirst();
}

export async function insertSignatureRequestEvent(
  db: DbExecutor,
  event: { requestId: string; step: SignatureRequestStep; staffId: string | null; note?: string; at: Date },
): Promise<void> {
  await db
    .insertInto('signature_request_events')
    .values({
      request_id: event.requestId,
      step: event.step,
      staff_id: event.staffId,
      note: event.note ?? null,
      at: event.at,
    })
    .execute();
}

export async function listSignatureRequestEvents(db: DbExecutor, requestId: string) {
  return db
    .selectFrom('signature_request_events as e')
    .leftJoin('staff as s', 's.id', 'e.staff_id')
    .select(['e.step', 'e.note', 'e.at', 's.full_name as staffName'])
    .where('e.request_id', '=', requestId)
    .orderBy('e.id')
    .execute();
}

/** The requests made for one subject (e.g. the receipt of a dossier), newest first. */
export async function listSignatureRequestsOfSubject(
  db: DbExecutor,
  subjectType: string,
  subjectId: string,
): Promise<SignatureRequest[]> {
  return db
    .selectFrom('signature_requests')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at', 'desc')
    .execute();
}
