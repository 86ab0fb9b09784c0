// A staff member submits a PDF for a leader's signature from the pages (issue 5 §4, /trinh-ky/moi): the
// 'document' subject, document.submit on the unit, then createSignatureRequest in one transaction.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import { createSignatureRequest } from './create-signature-request.ts';
import type { SignatureRequest } from './signature-request.table.ts';

export async function submitSignatureRequest(options: {
  db: Db;
  blobStore: BlobStore;
  actor: StaffActor;
  requestId: string | null;
  unitId: string;
  title: string;
  pdf: Uint8Array | undefined;
  signerStaffId: string;
  needsSeal: boolean;
  page?: number | undefined;
}): Promise<SignatureRequest> {
  const unit = /^[0-9a-f-]{36}$/i.test(options.unitId)
    ? await findUnitById(options.db, options.unitId)
    : undefined;
  if (!unit) {
    throw new AppError('VALIDATION_FAILED', 'Choose the unit.', { fields: { unit: 'required' } });
  }
  assertCan(options.actor, 'document.submit', unit);
  // Every missing field at once, so the form lists them all.
  const missing: Record<string, string> = {};
  if (options.title.trim() === '') {
    missing.title = 'required';
  }
  if (!options.pdf || options.pdf.length === 0) {
    missing.pdf = 'required';
  }
  if (options.signerStaffId === '') {
    missing.signer = 'required';
  }
  const pdf = options.pdf;
  if (!pdf || Object.keys(missing).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Fill in the required fields.', { fields: missing });
  }
  return options.db.transaction().execute((trx) =>
    createSignatureRequest(trx, {
      blobStore: options.blobStore,
      actorStaffId: options.actor.staffId,
      requestId: options.requestId,
      unitId: unit.id,
      subjectType: 'document',
      subjectId: randomUUID(),
      title: options.title,
      pdf,
      signerStaffId: options.signerStaffId,
      needsSeal: options.needsSeal,
      ...(options.page === undefined ? {} : { page: options.page }),
    }),
  );
}
