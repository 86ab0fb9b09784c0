// The lists of the signing pages (issue 5 §4): the leader's queue (/ky-duyet: addressed to them, awaiting
// their signature), the clerk's seal queue (/dong-dau: awaiting the seal in the units where they seal) and
// every request of the units where the actor holds a role (/trinh-ky).
import type { Db } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { scopesFor } from '../identity/permissions.ts';
import { listSignatureRequestsWhere, type SignatureRequestListItem } from './signature-request.repository.ts';
import type { SignatureRequestState } from './signature-request.table.ts';

export type SignatureRequestView = 'all' | 'leader-queue' | 'seal-queue';

export function listSignatureRequests(options: {
  db: Db;
  actor: StaffActor;
  view: SignatureRequestView;
  states?: readonly SignatureRequestState[];
}): Promise<SignatureRequestListItem[]> {
  const { db, actor } = options;
  if (options.view === 'leader-queue') {
    return listSignatureRequestsWhere(db, {
      signerStaffId: actor.staffId,
      unitIds: scopesFor(actor, 'document.sign').map((s) => s.unitId),
      states: ['awaiting_leader'],
      limit: 500,
    });
  }
  if (options.view === 'seal-queue') {
    return listSignatureRequestsWhere(db, {
      unitIds: scopesFor(actor, 'document.seal').map((s) => s.unitId),
      states: ['awaiting_seal'],
      limit: 500,
    });
  }
  return listSignatureRequestsWhere(db, {
    unitIds: [...new Set(actor.roles.map((r) => r.unitId))],
    ...(options.states ? { states: options.states } : {}),
  });
}
