// Where the signatures go (issue 5 §4, Decree 30/2020 Appendix I): a document that already holds empty
// signature fields named "Leader" and "Seal" keeps them; otherwise both fields are added to the chosen page
// (the last by default), the leader's at the bottom right and the seal's to its left, in ONE incremental
// update before any signature (SIGNATURES.md: later signatures only fill their own field).
import {
  addPdfSignatureFields,
  PdfError,
  readPdfLayout,
  type SignatureFieldSpec,
} from '../../lib/pdf/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldBox, SignaturePlacement } from './signature-request.table.ts';

export const LEADER_FIELD = 'Leader';
export const SEAL_FIELD = 'Seal';

function box(name: string, b: FieldBox): SignatureFieldSpec {
  return { name, page: b.page, x: b.x, y: b.y, width: b.width, height: b.height };
}

/** The PDF with its signature fields ready, and where they are; VALIDATION_FAILED for an unreadable PDF. */
export function placeSignatureFields(
  pdf: Uint8Array,
  options: { needsSeal: boolean; page?: number | undefined; leaderBox?: FieldBox | undefined },
): { pdf: Uint8Array; placement: SignaturePlacement } {
  let layout: ReturnType<typeof readPdfLayout>;
  try {
    layout = readPdfLayout(pdf);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The file is not a PDF that can be signed.', {
      cause: error,
      fields: { pdf: 'pdfInvalid' },
    });
  }
  if (layout.pageCount < 1) {
    throw new AppError('VALIDATION_FAILED', 'The PDF has no page.', { fields: { pdf: 'pdfInvalid' } });
  }
  const existing = (name: string): FieldBox | undefined => {
    const field = layout.signatureFields.find((f) => f.name === name && !f.isSigned && f.page !== undefined);
    if (!field || field.page === undefined) {
      return undefined;
    }
    const [x, y, urx, ury] = field.rect;
    return { page: field.page, x, y, width: urx - x, height: ury - y };
  };
  const page = options.leaderBox?.page ?? options.page ?? layout.pageCount;
  if (!Number.isInteger(page) || page < 1 || page > layout.pageCount) {
    throw new AppError('VALIDATION_FAILED', 'The page is not in the document.', {
      fields: { page: 'pageInvalid' },
    });
  }
  const size = layout.pageSize(page);
  const margin = Math.min(36, size.width * 0.05);
  const width = Math.min(200, size.width * 0.4);
  const height = Math.min(64, size.height * 0.15);
  const leader = existing(LEADER_FIELD) ??
    options.leaderBox ?? { page, x: size.width - margin - width, y: margin, width, height };
  const seal = options.needsSeal
    ? (existing(SEAL_FIELD) ?? { page, x: Math.max(0, leader.x - width - 6), y: leader.y, width, height })
    : null;
  const toAdd: SignatureFieldSpec[] = [];
  if (!existing(LEADER_FIELD)) {
    toAdd.push(box(LEADER_FIELD, leader));
  }
  if (seal && !existing(SEAL_FIELD)) {
    toAdd.push(box(SEAL_FIELD, seal));
  }
  let out = pdf;
  if (toAdd.length > 0) {
    try {
      out = addPdfSignatureFields(pdf, toAdd);
    } catch (error) {
      if (error instanceof PdfError) {
        throw new AppError('VALIDATION_FAILED', `The PDF cannot take signature fields: ${error.message}`, {
          cause: error,
          fields: { pdf: 'pdfInvalid' },
        });
      }
      throw error;
    }
  }
  const leaderPage = layout.pageSize(leader.page);
  return {
    pdf: out,
    placement: {
      pageCount: layout.pageCount,
      pageWidth: leaderPage.width,
      pageHeight: leaderPage.height,
      leaderField: LEADER_FIELD,
      leader,
      sealField: seal ? SEAL_FIELD : null,
      seal,
    },
  };
}
