import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import { renderDerivation } from '../../lib/calendar/index.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { pendingAuditRow } from '../audit-log/append-audit-event.ts';
import { computeUnitDueDate } from '../calendar/compute-unit-due-date.ts';
import { findCatalogueUnits } from '../catalogue/catalogue-units.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './check-upload.ts';
import { takeDossierCode } from './dossier-code.ts';
import type { DossierChannel, DossierStatus } from './dossier-status.ts';
import { insertDossier } from './insert-dossiers.ts';
import { intakeAuditDetails } from './intake-audit-details.ts';
import { type DocumentInput, storeDocumentUploads } from './store-document-uploads.ts';
import { type ApplicantInput, validateApplicant } from './validate-applicant.ts';

export interface ReceiveDossierOptions {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly actor: StaffActor;
  readonly requestId: string | null;
  /** The receiving unit (a commune, ward or its one-stop centre); the deciding body above it starts the code. */
  readonly unitId: string;
  readonly procedureCode: string;
  readonly channel: Extract<DossierChannel, 'counter' | 'api'>;
  readonly applicant: ApplicantInput;
  readonly documents: readonly DocumentInput[];
  /** The fee taken, in đồng; default: the procedure's fees added up once each. */
  readonly feeVnd?: number | undefined;
  /** Refuse to receive (BM.03, status 3) with these reasons instead of receiving. */
  readonly refusalReasons?: string | undefined;
  readonly limits?: UploadLimits;
  readonly now?: Date;
}

export interface ReceivedDossier {
  readonly id: string;
  readonly code: string;
  readonly status: DossierStatus;
  readonly receivedAt: Date;
  readonly dueAt: Date | null;
  readonly derivation: { readonly vi: string; readonly en: string } | null;
}

/**
 * Receives a dossier at a unit (issue 6 §3: counter and API, one record for every channel): checks the
 * receptionist's right on the body, the procedure in force there, the applicant and the uploads; stores
 * the files (content-addressed, before the write: an unreferenced blob is harmless, a half-stored one
 * impossible), takes the code (from a block reserved in its own statement: never repeated, a gap if the
 * intake then fails), then in one statement writes the dossier with its due date and derivation, its first status, the citizen's
 * message and the audit event. With `refusalReasons` the dossier is recorded as refused
 * (status 3, BM.03) and has no due date.
 *
 * @throws AppError FORBIDDEN (no `dossier.receive` on the unit), NOT_FOUND (unit), VALIDATION_FAILED
 *   (procedureCode, applicant.*, documents, feeVnd), UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE
 */
export async function receiveDossier(options: ReceiveDossierOptions): Promise<ReceivedDossier> {
  const { db, actor } = options;
  const units = await findCatalogueUnits(db, options.unitId);
  if (!units) {
    throw new AppError('NOT_FOUND', 'No such unit.');
  }
  const unit = units.unit;
  assertCan(actor, 'dossier.receive', unit);
  // The code names the deciding body: the commune or ward a one-stop centre belongs to, else the unit itself.
  const decidingBody = units.adopter ?? unit;
  const receivedAt = options.now ?? new Date();
  const procedure = await findEffectiveProcedure({
    db,
    units,
    unitId: unit.id,
    code: options.procedureCode,
    at: receivedAt,
  });
  if (!procedure) {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không cung cấp thủ tục này.', {
      fields: { procedureCode: 'procedureNotProvided' },
    });
  }
  const { applicant, phoneDigits } = validateApplicant(options.applicant);
  const refusalReasons = options.refusalReasons?.trim().slice(0, 2000);
  const isRefused = options.refusalReasons !== undefined;
  if (isRefused && !refusalReasons) {
    throw new AppError('VALIDATION_FAILED', 'Ghi rõ lý do từ chối tiếp nhận.', {
      fields: { refusalReasons: 'required' },
    });
  }
  const feeVnd = isRefused
    ? 0
    : (options.feeVnd ?? procedure.fees.reduce((sum, fee) => sum + fee.amountVnd, 0));
  if (!Number.isSafeInteger(feeVnd) || feeVnd < 0 || feeVnd > 1_000_000_000) {
    throw new AppError('VALIDATION_FAILED', 'Lệ phí không hợp lệ.', { fields: { feeVnd: 'amount' } });
  }
  if (!isRefused && options.documents.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Chưa đánh dấu giấy tờ nào đã nhận.', {
      fields: { documents: 'required' },
    });
  }
  const documents = await storeDocumentUploads({
    blobStore: options.blobStore,
    procedure,
    documents: options.documents,
    limits: options.limits ?? DEFAULT_UPLOAD_LIMITS,
  });

  // At the counter (and over the API, a direct channel) the deadline rule is the procedure's statutory time
  // as in force at reception, which `procedure` already is (procedureDeadlineRule differs only online).
  const due = isRefused
    ? undefined
    : await computeUnitDueDate({ db, unitId: unit.id, rule: procedure.statutoryTime, receivedAt });
  const derivation = due
    ? { vi: renderDerivation(due.derivation, 'vi'), en: renderDerivation(due.derivation, 'en') }
    : null;
  const status: DossierStatus = isRefused ? 3 : 2;
  const id = randomUUID();
  // The code first, from a block reserved in its own statement (dossier-code.ts): a failure below leaves a
  // gap, not a lock.
  const code = await takeDossierCode(db, decidingBody, receivedAt);

  const row = {
    id,
    code,
    unit_id: unit.id,
    procedure_code: procedure.code,
    procedure_version_id: procedure.versionId,
    procedure_name: procedure.name,
    channel: options.channel,
    status,
    applicant: JSON.stringify(applicant),
    applicant_phone_digits: phoneDigits,
    applicant_identifier: applicant.personalIdentifier,
    documents: JSON.stringify(documents),
    fee_vnd: feeVnd,
    received_at: receivedAt,
    due_at: due?.dueAt ?? null,
    derivation_vi: derivation?.vi ?? null,
    derivation_en: derivation?.en ?? null,
    derivation: JSON.stringify(due?.derivation ?? []),
    refusal_reasons: refusalReasons || null,
    received_by: actor.staffId,
  };
  // The dossier, its first status, the citizen's "received" (or "refused") message and the audit event: ONE
  // statement, so it commits or fails as a whole without a transaction around it (one round trip, shared
  // with the intakes arriving meanwhile: insert-dossiers.ts).
  await insertDossier(db, {
    row,
    audit: pendingAuditRow({
      actor: { type: 'staff', id: actor.staffId },
      action: isRefused ? 'dossier.refused' : 'dossier.received',
      unitId: unit.id,
      subjectType: 'dossier',
      subjectId: id,
      requestId: options.requestId,
      // Personal data stays out of the log: only the digest of the whole record (applicant included) enters it.
      state: { ...row, applicant, documents },
      details: {
        ...intakeAuditDetails({ code, procedure, channel: options.channel, status: status, documents }),
        dueAt: due?.dueAt.toISOString() ?? null,
      },
      at: receivedAt,
    }),
  });
  return { id, code, status, receivedAt, dueAt: due?.dueAt ?? null, derivation };
}
