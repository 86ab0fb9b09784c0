import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { isUuid } from '../catalogue/catalogue-units.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './check-upload.ts';
import type { DraftFields } from './dossier.table.ts';
import { findCitizenDraft } from './dossier-draft.repository.ts';
import { draftFields, findOnlineProcedure } from './online-intake.ts';
import { type DocumentInput, storeDocumentUploads } from './store-document-uploads.ts';

/** Drafts a citizen may keep at once: enough for real use, bounded against a flood of stored scans. */
export const MAX_DRAFTS_PER_CITIZEN = 20;

export interface SaveDossierDraftOptions {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly citizen: CitizenActor;
  readonly requestId: string | null;
  /** The draft to update; none creates one. */
  readonly draftId?: string | undefined;
  readonly unitId: string;
  readonly procedureCode: string;
  readonly fields: DraftFields;
  /** The documents ticked now, with any new scans; scans saved before stay with documents still ticked. */
  readonly documents: readonly DocumentInput[];
  readonly limits?: UploadLimits;
  readonly now?: Date;
}

/**
 * Saves an online form unfinished (issue 6 §3 "save a draft and come back"): nothing is checked but the
 * procedure and the uploads (content, size), which are stored now so the citizen need not send them again.
 * The draft row and its audit event commit together.
 *
 * @throws AppError NOT_FOUND (unit, or a draft that is not the citizen's), VALIDATION_FAILED (procedureCode,
 *   documents), CONFLICT (too many drafts), UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE
 */
export async function saveDossierDraft(options: SaveDossierDraftOptions): Promise<{ id: string }> {
  const { db, citizen } = options;
  const now = options.now ?? new Date();
  const existing = options.draftId
    ? isUuid(options.draftId)
      ? await findCitizenDraft(db, citizen.citizenId, options.draftId)
      : undefined
    : undefined;
  if (options.draftId && !existing) {
    throw new AppError('NOT_FOUND', 'No such draft.');
  }
  const { unit, procedure } = await findOnlineProcedure(db, {
    unitId: existing?.unit_id ?? options.unitId,
    procedureCode: existing?.procedure_code ?? options.procedureCode,
    at: now,
  });
  if (!existing) {
    const { count } = await db
      .selectFrom('dossier_drafts')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('citizen_id', '=', citizen.citizenId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_DRAFTS_PER_CITIZEN) {
      throw new AppError('CONFLICT', `Mỗi người giữ tối đa ${MAX_DRAFTS_PER_CITIZEN} hồ sơ nháp.`);
    }
  }
  const documents = await storeDocumentUploads({
    blobStore: options.blobStore,
    procedure,
    documents: options.documents,
    limits: options.limits ?? DEFAULT_UPLOAD_LIMITS,
    kept: existing?.documents ?? [],
  });
  const fields = draftFields(options.fields);
  return db.transaction().execute(async (trx) => {
    const values = {
      fields: JSON.stringify(fields),
      documents: JSON.stringify(documents),
      updated_at: now,
    };
    const saved = existing
      ? await trx
          .updateTable('dossier_drafts')
          .set(values)
          .where('id', '=', existing.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('dossier_drafts')
          .values({
            ...values,
            citizen_id: citizen.citizenId,
            unit_id: unit.id,
            procedure_code: procedure.code,
            procedure_name: procedure.name,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      actor: { type: 'citizen', id: citizen.citizenId },
      action: 'dossier.draft_saved',
      unitId: unit.id,
      subjectType: 'dossier_draft',
      subjectId: saved.id,
      requestId: options.requestId,
      state: { ...values, fields, documents },
      details: {
        procedureCode: procedure.code,
        documents: documents.length,
        files: documents.reduce((sum, d) => sum + d.files.length, 0),
      },
      at: now,
    });
    return { id: saved.id };
  });
}
