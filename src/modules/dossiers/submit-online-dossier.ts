import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { isUuid } from '../catalogue/catalogue-units.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './check-upload.ts';
import type { DraftFields } from './dossier.table.ts';
import { takeDossierCode } from './dossier-code.ts';
import { findCitizenDraft } from './dossier-draft.repository.ts';
import { insertDossier } from './insert-dossiers.ts';
import { intakeAuditDetails } from './intake-audit-details.ts';
import { findOnlineProcedure, onlineApplicant } from './online-intake.ts';
import { type DocumentInput, storeDocumentUploads } from './store-document-uploads.ts';
import { validateApplicant } from './validate-applicant.ts';

export interface SubmitOnlineDossierOptions {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly citizen: CitizenActor;
  readonly requestId: string | null;
  readonly channel: 'online' | 'kiosk';
  /** The draft being submitted: its scans are kept for the documents still ticked, and it is deleted. */
  readonly draftId?: string | undefined;
  readonly unitId: string;
  readonly procedureCode: string;
  readonly fields: DraftFields;
  readonly documents: readonly DocumentInput[];
  readonly limits?: UploadLimits;
  readonly now?: Date;
}

export interface SubmittedDossier {
  readonly id: string;
  readonly code: string;
  readonly submittedAt: Date;
}

/**
 * A citizen submits a dossier online or at a kiosk (issue 6 §3): the same checks as at the counter, the
 * applicant being the signed-in citizen. The dossier gets its code now (Circular 04/2025, so the citizen can
 * look it up) and status 1 "Mới đăng ký"; it has no due date until a receptionist of the unit accepts it
 * (acceptOnlineDossier), since the online deadline counts from acceptance. One transaction writes the
 * dossier, its first status, removes the draft, and appends `dossier.submitted` (last).
 *
 * @throws AppError NOT_FOUND (unit, draft), VALIDATION_FAILED (procedureCode, address, phone, email,
 *   personalIdentifier, documents), UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE
 */
export async function submitOnlineDossier(options: SubmitOnlineDossierOptions): Promise<SubmittedDossier> {
  const { db, citizen } = options;
  const now = options.now ?? new Date();
  const draft =
    options.draftId && isUuid(options.draftId)
      ? await findCitizenDraft(db, citizen.citizenId, options.draftId)
      : undefined;
  if (options.draftId && !draft) {
    throw new AppError('NOT_FOUND', 'No such draft.');
  }
  const { unit, decidingBody, procedure } = await findOnlineProcedure(db, {
    unitId: draft?.unit_id ?? options.unitId,
    procedureCode: draft?.procedure_code ?? options.procedureCode,
    at: now,
  });
  const { applicant, phoneDigits } = validateApplicant(onlineApplicant(citizen, options.fields));
  if (options.documents.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Chưa chọn giấy tờ nào.', { fields: { documents: 'required' } });
  }
  const documents = await storeDocumentUploads({
    blobStore: options.blobStore,
    procedure,
    documents: options.documents,
    limits: options.limits ?? DEFAULT_UPLOAD_LIMITS,
    kept: draft?.documents ?? [],
  });
  const id = randomUUID();
  const feeVnd = procedure.fees.reduce((sum, fee) => sum + fee.amountVnd, 0);
  // The code from a block reserved in its own statement (dossier-code.ts): a failure below leaves a gap.
  const code = await takeDossierCode(db, decidingBody, now);
  await db.transaction().execute(async (trx) => {
    const row = {
      id,
      code,
      unit_id: unit.id,
      procedure_code: procedure.code,
      procedure_version_id: procedure.versionId,
      procedure_name: procedure.name,
      channel: options.channel,
      status: 1,
      applicant: JSON.stringify(applicant),
      applicant_phone_digits: phoneDigits,
      applicant_identifier: applicant.personalIdentifier,
      documents: JSON.stringify(documents),
      fee_vnd: feeVnd,
      // Until acceptance sets the reception time, received_at holds the submission time (the code's day).
      received_at: now,
      due_at: null,
      derivation_vi: null,
      derivation_en: null,
      derivation: '[]',
      refusal_reasons: null,
      received_by: null,
      citizen_id: citizen.citizenId,
      submitted_at: now,
    };
    await insertDossier(trx, { row });
    if (draft) {
      await trx.deleteFrom('dossier_drafts').where('id', '=', draft.id).execute();
    }
    await appendAuditEvent(trx, {
      actor: { type: 'citizen', id: citizen.citizenId },
      action: 'dossier.submitted',
      unitId: unit.id,
      subjectType: 'dossier',
      subjectId: id,
      requestId: options.requestId,
      state: { ...row, applicant, documents },
      details: {
        ...intakeAuditDetails({ code, procedure, channel: options.channel, status: 1, documents }),
        fromDraft: draft?.id ?? null,
      },
      at: now,
    });
  });
  return { id, code, submittedAt: now };
}
