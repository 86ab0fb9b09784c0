// The electronic certified copy (issue 7 §3): the officer's scan (a PDF of version 1.4 or later, or a JPEG /
// PNG scan placed on A4 pages) followed by a page carrying the certification statement (lời chứng) in the
// wording of Circular 01/2020/TT-BTP, with room for the signer's and the seal's signature fields.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { AppError } from '../../platform/errors.ts';
import type { FieldBox } from '../signature-requests/signature-request.table.ts';
import type { CertificationKind } from './certification-kind.ts';
import { checkImageScan, checkPdfScan } from './scan-quality.ts';

const A4 = [595.28, 841.89] as const;
const MARGIN = 64;

let fontBytes: Uint8Array | undefined;
function statementFont(): Uint8Array {
  fontBytes ??= readFileSync(new URL('../../lib/pdf/fonts/DejaVuSans.ttf', import.meta.url));
  return fontBytes;
}

function invalidScan(message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', message, { cause, fields: { original: 'pdfInvalid' } });
}

/** What the officer uploaded: a PDF (≥ 1.4) or an image scan. */
export type ScanKind = 'pdf' | 'jpeg' | 'png';

export function scanKindOf(bytes: Uint8Array): ScanKind | undefined {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.toString('latin1', 0, 5) === '%PDF-') {
    return 'pdf';
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return 'jpeg';
  }
  if (head.toString('latin1', 1, 4) === 'PNG') {
    return 'png';
  }
  return undefined;
}

/** Loads the scan as a PDF document: PDFs must declare version 1.4 or later and not be encrypted. */
export async function loadScan(input: Uint8Array): Promise<PDFDocument> {
  // A copy: pdf-lib reads the whole underlying buffer, which for a pooled Buffer starts elsewhere.
  const bytes = new Uint8Array(input);
  const kind = scanKindOf(bytes);
  if (!kind) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The original must be a PDF, JPEG or PNG scan.', {
      fields: { original: 'pdfInvalid' },
    });
  }
  if (kind === 'pdf') {
    const version = /^%PDF-(\d)\.(\d)/.exec(Buffer.from(bytes.subarray(0, 12)).toString('latin1'));
    if (!version || Number(version[1]) * 10 + Number(version[2]) < 14) {
      throw invalidScan('The scan must be a PDF of version 1.4 or later.');
    }
    let doc: PDFDocument;
    let pageCount: number;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false });
      // pdf-lib reads lazily: a damaged page tree shows only when the pages are asked for.
      pageCount = doc.getPageCount();
    } catch (error) {
      throw invalidScan('The PDF cannot be read (damaged or encrypted).', error);
    }
    if (pageCount === 0) {
      throw invalidScan('The PDF has no page.');
    }
    checkPdfScan(bytes);
    return doc;
  }
  checkImageScan(bytes, kind);
  const doc = await PDFDocument.create();
  try {
    const image = kind === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
    const page = doc.addPage([...A4]);
    const scale = Math.min((A4[0] - 2 * 24) / image.width, (A4[1] - 2 * 24) / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    page.drawImage(image, { x: (A4[0] - width) / 2, y: (A4[1] - height) / 2, width, height });
  } catch (error) {
    throw invalidScan('The image cannot be read.', error);
  }
  return doc;
}

export interface Statement {
  readonly kind: CertificationKind;
  readonly number: string;
  readonly seq: number;
  readonly book: number;
  readonly year: number;
  /** The date in words as the statement writes it: "Ngày 07 tháng 12 năm 2026". */
  readonly dateText: string;
  /** The same in words (the signature statement gives both): "ngày mồng bảy tháng mười hai năm …". */
  readonly dateInWords: string;
  readonly unitName: string;
  readonly signerName: string;
  readonly signerTitle: string;
  /** Signature certification: the person who signed in front of the signer, and their identity paper. */
  readonly requesterName: string;
  readonly requesterIdentifier: string;
  readonly paperTitle: string;
  readonly copies: number;
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) {
    lines.push(line);
  }
  return lines;
}

/** The statement's paragraphs (Circular 01/2020/TT-BTP, forms of the statement for copies and signatures). */
export function statementParagraphs(s: Statement): { text: string; bold?: boolean }[] {
  const numberLine = `Số chứng thực: ${s.number} (số ${s.seq}, quyển số ${s.book}/${s.year}).`;
  if (s.kind === 'copy') {
    return [
      { text: 'LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC', bold: true },
      { text: 'Chứng thực bản sao này đúng với bản chính.', bold: true },
      { text: `Giấy tờ, văn bản: ${s.paperTitle}. Số bản sao được chứng thực: ${s.copies}.` },
      { text: numberLine },
      { text: `${s.dateText}, tại ${s.unitName}.` },
    ];
  }
  return [
    { text: 'LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC', bold: true },
    {
      text: `${s.dateText} (bằng chữ: ${s.dateInWords}), tại ${s.unitName}, tôi ${s.signerName}, ${s.signerTitle},`,
    },
    { text: 'CHỨNG THỰC', bold: true },
    {
      text: `Ông/bà ${s.requesterName}, giấy tờ tùy thân số ${s.requesterIdentifier}, đã ký vào giấy tờ, văn bản "${s.paperTitle}" này trước mặt tôi.`,
    },
    { text: numberLine },
  ];
}

/**
 * The certified PDF: every page of the scan, then the statement page. Returns the PDF, the number of scan
 * pages (for the fee) and where the signer's signature field goes (under the signer's title).
 */
export async function renderCertifiedPdf(
  scan: PDFDocument,
  statement: Statement,
): Promise<{ pdf: Uint8Array; scanPages: number; signatureBox: FieldBox }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(statementFont(), { subset: true, customName: 'XASOCT+DejaVuSans' });
  let pages: PDFPage[];
  try {
    pages = await doc.copyPages(scan, scan.getPageIndices());
  } catch (error) {
    throw invalidScan('The pages of the PDF cannot be read.', error);
  }
  for (const page of pages) {
    doc.addPage(page);
  }
  const page: PDFPage = doc.addPage([...A4]);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;
  for (const paragraph of statementParagraphs(statement)) {
    const size = paragraph.bold ? 12.5 : 12;
    for (const line of wrap(font, paragraph.text, size, width)) {
      y -= size * 1.5;
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0, 0, 0) });
    }
    y -= 6;
  }
  y -= 18;
  const blockX = A4[0] / 2;
  const blockWidth = A4[0] - MARGIN - blockX;
  const centre = (text: string, size: number) => {
    const x = blockX + (blockWidth - font.widthOfTextAtSize(text, size)) / 2;
    y -= size * 1.5;
    page.drawText(text, { x, y, size, font });
  };
  centre('NGƯỜI THỰC HIỆN CHỨNG THỰC', 11.5);
  centre(statement.signerTitle.toUpperCase(), 10.5);
  centre('(Ký, ghi rõ họ tên và đóng dấu)', 9.5);
  const signatureBox: FieldBox = {
    page: pages.length + 1,
    x: blockX + 20,
    y: y - 80,
    width: 200,
    height: 64,
  };
  y -= 100;
  centre(statement.signerName, 11.5);
  doc.setTitle(`Bản chứng thực số ${statement.number}`);
  doc.setProducer('xaso');
  doc.setCreator('xaso');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, scanPages: pages.length, signatureBox };
}
