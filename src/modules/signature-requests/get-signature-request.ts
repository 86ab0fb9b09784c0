// One request for its page (issue 5 §4, /trinh-ky/<id>): the request, its history and what the actor may
// do with it now. Visible to its signer, its submitter and the staff of its unit; anyone else gets
// NOT_FOUND (its existence is not disclosed).
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { findStaffById } from '../identity/staff.repository.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { findSignatureRequest, listSignatureRequestEvents } from './signature-request.repository.ts';
import { findSignatureRequestDossier } from './signature-request-completion.ts';
import { signerRuleFor } from './signer-role.ts';

export async function getSignatureRequest(options: {
  db: Db;
  actor: StaffActor;
  signatureRequestId: string;
}) {
  const { db, actor } = options;
  const request = await findSignatureRequest(db, options.signatureRequestId);
  const unit = request ? await findUnitById(db, request.unit_id) : undefined;
  if (!request || !unit) {
    throw new AppError('NOT_FOUND', 'No such signature request.');
  }
  const isSigner = request.signer_staff_id === actor.staffId;
  const isOnUnit = actor.roles.some((r) => r.unitId === unit.id) || can(actor, 'audit.read', unit);
  if (!isSigner && !isOnUnit && request.created_by_staff_id !== actor.staffId) {
    throw new AppError('NOT_FOUND', 'No such signature request.');
  }
  const signer = await findStaffById(db, request.signer_staff_id);
  const isOpen = request.state === 'awaiting_leader' || request.state === 'awaiting_seal';
  return {
    request,
    unit,
    signerName: signer?.full_name ?? '',
    events: await listSignatureRequestEvents(db, request.id),
    canSign:
      isSigner &&
      request.state === 'awaiting_leader' &&
      can(actor, signerRuleFor(request.subject_type).permission, unit),
    canSeal: request.state === 'awaiting_seal' && can(actor, 'document.seal', unit),
    canCancel:
      isOpen && (request.created_by_staff_id === actor.staffId || can(actor, 'document.submit', unit)),
  };
}

/**
 * The request's current PDF (signed so far), for those who may see the request. A dossier's document (a
 * result, a slip, a receipt, a certified copy) names the applicant: its download is a `dossier.viewed` event
 * (issue 4 §1, view `signature-pdf`, the request's id); a document submitted by hand has no dossier.
 */
export async function getSignatureRequestPdf(options: {
  db: Db;
  blobStore: BlobStore;
  actor: StaffActor;
  signatureRequestId: string;
  requestId: string | null;
}): Promise<{ pdf: Uint8Array; filename: string }> {
  const { request } = await getSignatureRequest(options);
  const pdf = await options.blobStore.get(request.current_sha256);
  if (!pdf) {
    throw new AppError('NOT_FOUND', 'The stored document is missing.');
  }
  const dossier = await findSignatureRequestDossier(options.db, request);
  if (dossier) {
    await recordDossierView({ ...options, dossier, kind: 'signature-pdf', item: request.id });
  }
  return { pdf, filename: `trinh-ky-${request.id.slice(0, 8)}-${request.state}.pdf` };
}
