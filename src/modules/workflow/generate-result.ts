// The result drafted from a template of the procedure (issue 7 §2), as an alternative to uploading a PDF:
// the specialist edits the template (pre-filled from the procedure's result type), its placeholders are
// filled with the dossier's data, and it is typeset like the forms (src/modules/receipts, Vietnamese font)
// in the Decree 30/2020 layout: national header, number, place and date, title, body, the signature block
// of the deciding body, with the empty "Leader" and "Seal" signature fields already in place, so the
// signatures land in the signature block. It is stored as the result (replacing one uploaded before).
import { addPdfSignatureFields } from '../../lib/pdf/index.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { drawNationalHeader } from '../receipts/form-opening.ts';
import { FormPdf } from '../receipts/form-pdf.ts';
import type { ReceivingBody } from '../receipts/receipt.types.ts';
import { formatFormTime } from '../receipts/vietnam-time.ts';
import { LEADER_FIELD, SEAL_FIELD } from '../signature-requests/signature-placement.ts';
import { findResultTemplate } from './find-result-template.ts';
import { receivingBody } from './get-workflow-form.ts';
import type { DossierWork } from './load-dossier-work.ts';
import { issuerAbbreviation, resultKindOf, resultSymbol } from './result-kind.ts';
import { assertResultNotSigning, newResultFile } from './result-signing.ts';
import { requiredText, runWorkflowAction, type WorkflowActionOptions } from './run-workflow-action.ts';

/** The placeholders a template may use (plain text substitution: no expressions, nothing executed). */
export const RESULT_PLACEHOLDERS = [
  'ho_ten',
  'so_dinh_danh',
  'dia_chi',
  'ma_ho_so',
  'thu_tuc',
  'ngay_tiep_nhan',
  'co_quan',
] as const;

/** VALIDATION_FAILED (`body`: placeholder) when the text uses a placeholder not in RESULT_PLACEHOLDERS. */
export function assertKnownPlaceholders(text: string): void {
  fillTemplate(text, Object.fromEntries(RESULT_PLACEHOLDERS.map((name) => [name, ''])));
}

/** The placeholders a template may use, with the dossier's value of each. */
function placeholderValues(
  work: DossierWork,
  bodyName: string,
): Record<(typeof RESULT_PLACEHOLDERS)[number], string> {
  const a = work.dossier.applicant;
  return {
    ho_ten: a.fullName,
    so_dinh_danh: a.personalIdentifier ?? '',
    dia_chi: a.address ?? '',
    ma_ho_so: work.dossier.code,
    thu_tuc: work.dossier.procedure_name,
    ngay_tiep_nhan: work.dossier.received_at ? formatFormTime(work.dossier.received_at) : '',
    co_quan: bodyName,
  };
}

/** The template offered when the specialist opens the form: the procedure's result type as the title. */
export function defaultResultTemplate(work: DossierWork): { title: string; body: string } {
  return {
    title: (work.procedure?.resultType || 'Kết quả giải quyết thủ tục hành chính').toLocaleUpperCase('vi'),
    body: [
      'Căn cứ hồ sơ {ma_ho_so} đề nghị giải quyết thủ tục "{thu_tuc}", tiếp nhận lúc {ngay_tiep_nhan};',
      'Xét đề nghị của Ông/Bà {ho_ten}, số định danh cá nhân {so_dinh_danh}, địa chỉ {dia_chi};',
      '{co_quan} giải quyết như sau:',
      '…',
    ].join('\n\n'),
  };
}

/** The text with every `{name}` replaced; VALIDATION_FAILED (`body`: placeholder) for an unknown one. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new AppError('VALIDATION_FAILED', `Unknown placeholder {${name}}.`, {
        fields: { body: 'placeholder' },
      });
    }
    return value;
  });
}

/** What a result is typeset from: the deciding body, the dossier code, the result type and the placeholders. */
export interface ResultSource {
  readonly decidingBody: Unit;
  readonly code: string;
  readonly resultType: string | undefined;
  readonly values: (body: ReceivingBody) => Record<string, string>;
}

function sourceOf(work: DossierWork): ResultSource {
  return {
    decidingBody: work.decidingBody,
    code: work.dossier.code,
    resultType: work.procedure?.resultType,
    values: (body) => placeholderValues(work, body.name),
  };
}

/** Typesets a result (or a template's preview) in the Decree 30/2020 layout, with its signature fields. */
export async function renderResult(
  source: ResultSource,
  options: { title: string; body: string; db: WorkflowActionOptions['db']; at: Date },
): Promise<Uint8Array> {
  const body = await receivingBody(options.db, source.decidingBody);
  const values = source.values(body);
  const title = fillTemplate(options.title, values);
  const paragraphs = fillTemplate(options.body, values)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
  const pdf = await FormPdf.create({
    title,
    subject: source.code,
    date: options.at,
    idSeed: `result\n${source.code}\n${title}\n${paragraphs.join('\n')}`,
  });
  // The number is the clerk's, taken when sealing (number-result.ts) and printed on the seal: the draft
  // leaves it open with its symbol, "Số: …/GCN-UBND" (Decree 30/2020 Art. 15).
  const symbol = resultSymbol(resultKindOf(source.resultType), issuerAbbreviation(source.decidingBody));
  drawNationalHeader(pdf, body, '…', options.at, symbol);
  pdf.gap(14);
  pdf.paragraph(title, { size: 13, bold: true, align: 'center' });
  pdf.paragraph(`Mã hồ sơ: ${source.code}`, { italic: true, align: 'center' });
  pdf.gap(8);
  for (const paragraph of paragraphs) {
    pdf.paragraph(paragraph);
    pdf.gap(4);
  }
  pdf.gap(12);
  pdf.signatureBlocks([{ title: `TM. ${body.name.toLocaleUpperCase('vi')}`, name: ' ' }]);
  const area = pdf.signatureAreas.at(-1);
  const bytes = await pdf.save();
  if (!area) {
    return bytes;
  }
  // The leader signs in the block; the seal sits to its left, overlapping as a stamp does.
  return addPdfSignatureFields(bytes, [
    { name: LEADER_FIELD, ...area },
    { name: SEAL_FIELD, ...area, x: Math.max(0, area.x - area.width * 0.6) },
  ]);
}

/**
 * @throws AppError VALIDATION_FAILED (`title`, `body`: required or an unknown placeholder), INVALID_STATE
 *   (the result awaits its signatures), and those of runWorkflowAction
 */
export async function generateResult(
  options: WorkflowActionOptions & {
    readonly blobStore: BlobStore;
    readonly title?: string;
    readonly body?: string;
  },
) {
  let blob: { sha256: string; size: number } | undefined;
  const at = options.now ?? new Date();
  return runWorkflowAction({
    ...options,
    now: at,
    action: 'generateResult',
    check: async (work) => {
      await assertResultNotSigning(options.trx ?? options.db, work.dossier.code);
      // Without a text of its own, the procedure's stored template (the commune's, else the province's).
      const stored = options.title || options.body ? undefined : await findResultTemplate(options.db, work);
      const title = requiredText(options.title ?? stored?.title, 'title', 300);
      const body = requiredText(options.body ?? stored?.body, 'body', 20000);
      blob = await options.blobStore.put(
        await renderResult(sourceOf(work), { title, body, db: options.db, at }),
      );
    },
    apply: async () => {
      const file = newResultFile(blob, at);
      return { ...file, details: { ...file.details, template: true } };
    },
  });
}
