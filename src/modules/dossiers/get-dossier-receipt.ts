// BM.01 for a received dossier (issue 6 §4): the dossier record mapped onto the receipt renderer's input.
import type { Db, DbExecutor } from '../../database.ts';
import type { DeadlineRule } from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import type { DocumentForm as CatalogueForm } from '../catalogue/procedure.types.ts';
import { findStaffName } from '../identity/find-staff-name.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { DocumentForm, ReceiptData } from '../receipts/receipt.types.ts';
import type { Dossier } from './dossier.table.ts';
import { type DossierViewer, getViewableDossier } from './get-viewable-dossier.ts';
import { recordDossierView } from './record-dossier-view.ts';

const FORMS: Record<CatalogueForm, DocumentForm> = {
  original: 'original',
  copy: 'copy',
  certifiedCopy: 'certified-copy',
  presentOnly: 'original',
};

/** The statutory time as BM.01 prints it ("05 ngày làm việc", "Trong ngày"). */
export function statutoryTimeText(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'workingDays':
      return `${String(rule.days).padStart(2, '0')} ngày làm việc`;
    case 'workingHours':
      return `${rule.hours} giờ làm việc`;
    case 'sameDay':
      return 'Trong ngày';
    case 'immediately':
      return 'Ngay trong ngày tiếp nhận hồ sơ đầy đủ';
  }
}

/** "Xã Bình Ca" → "Bình Ca": the place in the place-and-date line (Decree 30/2020). */
export function placeOf(name: string): string {
  return name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Tỉnh|Thành phố)\s+/u, '').split(' - ')[0] ?? name;
}

/** The calendar year in Vietnam (UTC+7, no daylight saving) of an instant. */
function vietnamYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** The receiving body as the forms' header prints it (BM.01, BM.03). */
export async function receivingBodyOf(db: DbExecutor, unitId: string): Promise<ReceiptData['body']> {
  const unit = await findUnitById(db, unitId);
  const parent = unit?.parent_id ? await findUnitById(db, unit.parent_id) : undefined;
  return {
    ...(parent ? { superiorName: `UBND ${parent.name.toLocaleUpperCase('vi')}` } : {}),
    name: unit?.name ?? '',
    sealName: unit?.seal_name ?? '',
    place: placeOf(parent?.name ?? unit?.name ?? ''),
  };
}

/** The applicant block of the forms. */
export function formApplicantOf(applicant: Dossier['applicant']): ReceiptData['applicant'] {
  return {
    name: applicant.fullName,
    identifier: applicant.personalIdentifier,
    address: applicant.address,
    phone: applicant.phone,
    ...(applicant.email ? { email: applicant.email } : {}),
    ...(applicant.proxy
      ? { proxy: { name: applicant.proxy.fullName, authorisation: applicant.proxy.authorisation } }
      : {}),
  };
}

/**
 * The receipt of a received dossier, for staff of its unit or its owner (NOT_FOUND otherwise, as
 * getViewableDossier). A refused dossier has no receipt (INVALID_STATE): its form is the refusal, BM.03;
 * nor has an online dossier not yet accepted (status 1), which has no reception time or due date yet.
 * A staff member opening it is a `dossier.viewed` audit event (it shows the applicant's personal data).
 */
export async function getDossierReceipt(options: {
  db: Db;
  actor: DossierViewer;
  code: string;
  publicUrl: string;
  requestId: string | null;
  /** The printable page or the PDF (default: the page). */
  format?: 'page' | 'pdf';
}): Promise<ReceiptData> {
  const { dossier } = await getViewableDossier({ db: options.db, viewer: options.actor, code: options.code });
  if (dossier.status === 3) {
    throw new AppError('INVALID_STATE', 'A refused dossier has no receipt.');
  }
  if (dossier.status === 1) {
    throw new AppError('INVALID_STATE', 'The dossier awaits acceptance: no receipt yet.');
  }
  if (options.actor.kind === 'staff') {
    const kind = options.format === 'pdf' ? 'receipt-pdf' : 'receipt';
    await recordDossierView({ ...options, actor: options.actor, dossier, kind });
  }
  const unit = await findUnitById(options.db, dossier.unit_id);
  const procedure = await findEffectiveProcedure({
    db: options.db,
    unitId: dossier.unit_id,
    code: dossier.procedure_code,
    at: dossier.received_at,
  });
  const officer = dossier.received_by
    ? await findStaffName({ db: options.db, staffId: dossier.received_by })
    : undefined;
  const seq = dossier.code.split('-').at(-1) ?? dossier.code;
  return {
    body: await receivingBodyOf(options.db, dossier.unit_id),
    receiptNumber: seq,
    dossierCode: dossier.code,
    applicant: formApplicantOf(dossier.applicant),
    procedureName: dossier.procedure_name,
    documents: dossier.documents.map((document) => {
      const required = procedure?.documents[document.index];
      return {
        name: document.name,
        form: required ? FORMS[required.form] : 'original',
        count: required?.count ?? 1,
      };
    }),
    statutoryTime: procedure ? statutoryTimeText(procedure.statutoryTime) : '',
    receivedAt: dossier.received_at,
    dueAt: dossier.due_at ?? dossier.received_at,
    dueDateDerivation: dossier.derivation_vi ? [dossier.derivation_vi] : [],
    resultDelivery: unit?.name ?? '',
    register: { book: `Sổ theo dõi hồ sơ năm ${vietnamYear(dossier.received_at)}`, line: seq },
    receivingOfficer: officer ?? '',
    lookupUrl: `${options.publicUrl}/tra-cuu?code=${encodeURIComponent(dossier.code)}`,
  };
}
