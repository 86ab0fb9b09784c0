// The officer certifies one paper of a certification dossier (issue 7 §3): a copy from its original
// (SCT/BS) or a signature (SCT/CK,ĐC). In ONE transaction: the next register number, the certified PDF
// (the scan + the statement), the signature request to the chosen chairman or vice-chairman (then the
// commune seal), the register entry, the dossier moved to processing (2 → 4) and the audit event.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { changeDossierStatus } from '../dossiers/change-dossier-status.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can } from '../identity/permissions.ts';
import { createSignatureRequest } from '../signature-requests/create-signature-request.ts';
import { listUnitSigners } from '../signing/find-signing-credential.ts';
import { assignCertificationNumber } from './assign-certification-number.ts';
import type { Certification } from './certification.table.ts';
import { certificationFee, certificationKindOf } from './certification-kind.ts';
import { loadCertificationDossier } from './load-certification-dossier.ts';
import { loadScan, renderCertifiedPdf } from './render-certified-pdf.ts';
import { statementDate, statementDateInWords } from './statement-date.ts';

/** The subject type of the signature requests this module makes (the completion handler's key). */
export const CERTIFICATION_SUBJECT = 'certification';

export interface CertifyPaperOptions {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  readonly code: string;
  /** The scan of the original (copies) or of the signed paper (signatures): PDF ≥ 1.4, JPEG or PNG. */
  readonly original: Uint8Array | undefined;
  readonly paperTitle: string | undefined;
  readonly copies: number | undefined;
  readonly signerStaffId: string | undefined;
  readonly now?: Date | undefined;
}

const MAX_ORIGINAL_BYTES = 20 * 1024 * 1024;

/**
 * @throws AppError NOT_FOUND (no such dossier, or not one the actor may see), FORBIDDEN (no certify right
 *   on the certifying commune),
 *   INVALID_STATE (not a certification procedure, or not received / in processing), VALIDATION_FAILED
 *   (`original`, `paperTitle`, `copies`, `signer`), UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE
 */
export async function certifyPaper(options: CertifyPaperOptions): Promise<Certification> {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const { dossier, certifyingUnit: unit } = await loadCertificationDossier({
    db,
    viewer: actor,
    code: options.code,
  });
  if (!can(actor, 'certification.certify', unit)) {
    throw new AppError('FORBIDDEN', 'Only the certifying officer of the commune certifies papers.');
  }
  const kind = certificationKindOf(dossier.procedure_code);
  if (!kind) {
    throw new AppError('INVALID_STATE', 'The dossier is not of a certification procedure.');
  }
  if (dossier.status !== 2 && dossier.status !== 4) {
    throw new AppError('INVALID_STATE', 'Only a received dossier or one being processed is certified.');
  }
  const paperTitle = (options.paperTitle ?? '').trim();
  const copies = kind === 'signature' ? 1 : (options.copies ?? Number.NaN);
  const fields: Record<string, string> = {};
  if (paperTitle.length === 0 || paperTitle.length > 300) {
    fields.paperTitle = 'required';
  }
  if (!Number.isInteger(copies) || copies < 1 || copies > 100) {
    fields.copies = 'copiesInvalid';
  }
  const original = options.original;
  if (!original || original.length === 0) {
    fields.original = 'required';
  }
  const signer = (await listUnitSigners(db, unit.id, now)).find((s) => s.staffId === options.signerStaffId);
  if (!signer) {
    fields.signer = 'signerInvalid';
  }
  if (Object.keys(fields).length > 0 || !original || !signer) {
    throw new AppError('VALIDATION_FAILED', 'The certification form is incomplete.', { fields });
  }
  if (original.length > MAX_ORIGINAL_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The scan is larger than 20 MB.', {
      fields: { original: 'tooLarge' },
    });
  }
  const scan = await loadScan(original);
  const stored = await options.blobStore.put(original);
  // The staff title as the unit records it ("Chủ tịch Ủy ban nhân dân xã"); the statement names the place.
  const signerTitle = signer.title.trim() || 'Chủ tịch Ủy ban nhân dân';

  return db.transaction().execute(async (trx) => {
    // Under the dossier's row lock: another officer may have withdrawn or stopped it since it was read.
    const current = await trx
      .selectFrom('dossiers')
      .select('status')
      .where('id', '=', dossier.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status !== 2 && current.status !== 4) {
      throw new AppError('INVALID_STATE', 'The dossier is no longer received or being processed.');
    }
    const assigned = await assignCertificationNumber(trx, { unitId: unit.id, kind, at: now });
    const rendered = await renderCertifiedPdf(scan, {
      kind,
      ...assigned,
      dateText: statementDate(now),
      dateInWords: statementDateInWords(now),
      unitName: unit.name,
      signerName: signer.fullName,
      signerTitle,
      requesterName: dossier.applicant.fullName,
      requesterIdentifier: dossier.applicant.personalIdentifier,
      paperTitle,
      copies,
    });
    const id = randomUUID();
    const request = await createSignatureRequest(trx, {
      blobStore: options.blobStore,
      actorStaffId: actor.staffId,
      requestId: options.requestId,
      unitId: unit.id,
      subjectType: CERTIFICATION_SUBJECT,
      subjectId: id,
      title: `Chứng thực số ${assigned.number} — hồ sơ ${dossier.code}`,
      pdf: rendered.pdf,
      signerStaffId: signer.staffId,
      signatureBox: rendered.signatureBox,
      now,
    });
    const row = await trx
      .insertInto('certifications')
      .values({
        id,
        unit_id: unit.id,
        kind,
        year: assigned.year,
        seq: assigned.seq,
        book: assigned.book,
        number: assigned.number,
        dossier_id: dossier.id,
        requester_name: dossier.applicant.fullName,
        paper_title: paperTitle,
        copies,
        pages: rendered.scanPages,
        fee_vnd: certificationFee(kind, rendered.scanPages, copies),
        signer_staff_id: signer.staffId,
        signer_name: signer.fullName,
        signer_title: signerTitle,
        officer_staff_id: actor.staffId,
        officer_name: actor.fullName,
        original_sha256: stored.sha256,
        signature_request_id: request.id,
        state: 'awaiting_signature',
        certified_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (current.status === 2) {
      await changeDossierStatus(trx, { dossierId: dossier.id, from: [2], to: 4, at: now });
    }
    await appendAuditEvent(trx, {
      actor: { type: 'staff', id: actor.staffId },
      action: 'certification.created',
      unitId: unit.id,
      subjectType: 'certification',
      subjectId: id,
      requestId: options.requestId,
      at: now,
      state: { id, number: row.number, state: row.state, requester: row.requester_name, paper: paperTitle },
      details: {
        number: row.number,
        kind,
        dossier: dossier.code,
        copies,
        pages: row.pages,
        signatureRequest: request.id,
      },
    });
    return row;
  });
}
