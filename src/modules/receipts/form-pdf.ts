// A small typesetter for the one-stop-shop forms (BM.01, BM.03): A4 pages with the margins of Decree 30/2020
// Appendix I, the national-emblem header, wrapped paragraphs, a ruled table, signature blocks and a vector
// QR code. Text is set in DejaVu Sans (full Vietnamese coverage), embedded as a subset by pdf-lib + fontkit,
// so a receipt weighs a few tens of KB and its text can be searched and copied.
// Output is deterministic: fixed font subset tag, dates and /ID taken from the form's data, so the same
// receipt re-renders to the same bytes (it can be signed, stored by hash and re-rendered to check).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import {
  degrees,
  fill,
  grayscale,
  LineCapStyle,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setLineWidth,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { QR_QUIET_ZONE, qrDarkRuns } from './qr-code.ts';

const MM = 72 / 25.4;
/** ISO 216 A4 in points. */
export const A4: readonly [number, number] = [595.28, 841.89];
/** Decree 30/2020 App. I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** Body text 13–14 pt in the Decree (Times); DejaVu Sans is wider, so 11 pt keeps the same line length. */
export const BODY_SIZE = 11;
const LEADING = 1.35;

let fontBytes: Uint8Array | undefined;
function dejaVuSans(): Uint8Array {
  fontBytes ??= readFileSync(new URL('../../lib/pdf/fonts/DejaVuSans.ttf', import.meta.url));
  return fontBytes;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

export interface FormMetadata {
  title: string;
  subject: string;
  /** Used as CreationDate and ModDate. */
  date: Date;
  /** Hashed into the trailer /ID (ISO 32000-2 §14.4), so the same data gives the same ID. */
  idSeed: string;
}

/** Where a signer signs: 1-based page and the rectangle in points, as `VisibleSignatureOptions` takes it. */
export interface FormSignatureArea {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FormPdf {
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  page: PDFPage;
  /** The baseline cursor: distance from the bottom of the page of the top of the next line. */
  y: number;
  readonly left = MARGIN.left;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;
  /** The blank space of each signature block drawn, in order. */
  readonly signatureAreas: FormSignatureArea[] = [];

  private constructor(doc: PDFDocument, font: PDFFont) {
    this.doc = doc;
    this.font = font;
    this.page = doc.addPage([A4[0], A4[1]]);
    this.y = A4[1] - MARGIN.top;
  }

  static async create(meta: FormMetadata): Promise<FormPdf> {
    // updateMetadata: false stops pdf-lib stamping the current time and its own producer.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    // A subset font's name is a six-letter tag + '+' + the PostScript name (ISO 32000-2 §9.6.4); pdf-lib
    // would name it "DejaVuSans-<number>" (from an RNG seeded per document), which readers do not take as
    // a subset. A fixed tag keeps the name conformant and the bytes reproducible.
    const font = await doc.embedFont(dejaVuSans(), { subset: true, customName: 'XASOFM+DejaVuSans' });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setSubject(meta.subject);
    doc.setLanguage('vi-VN');
    doc.setProducer('xaso');
    doc.setCreator('xaso');
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
    const id = createHash('sha256').update(meta.idSeed).digest('hex').slice(0, 32).toUpperCase();
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
    return new FormPdf(doc, font);
  }

  async save(): Promise<Uint8Array> {
    // Decree 30/2020 App. I: page numbers centred in the top margin, none on the first page
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      if (i > 0) {
        const label = String(i + 1);
        page.drawText(label, {
          x: (A4[0] - this.measure(label, 10)) / 2,
          y: A4[1] - MARGIN.top / 2 - 5,
          size: 10,
          font: this.font,
        });
      }
    });
    // Classic xref table, no object streams: the simplest shape for incremental signing later.
    return this.doc.save({ useObjectStreams: false });
  }

  measure(text: string, size = BODY_SIZE): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  lineHeight(size = BODY_SIZE): number {
    return size * LEADING;
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y - height < MARGIN.bottom) {
      this.page = this.doc.addPage([A4[0], A4[1]]);
      this.y = A4[1] - MARGIN.top;
    }
  }

  /** Draws one line with its baseline at `baseline`; bold is fill+stroke (the bundled font has no bold face). */
  drawAt(text: string, x: number, baseline: number, style: TextStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    if (style.bold) {
      this.page.pushOperators(
        pushGraphicsState(),
        setTextRenderingMode(TextRenderingMode.FillAndOutline),
        setLineWidth(size * 0.035),
      );
    }
    this.page.drawText(text, {
      x,
      y: baseline,
      size,
      font: this.font,
      // italic as a 12° shear: text matrix [1 0 tan12° 1 x y]
      ...(style.italic ? { ySkew: degrees(12) } : {}),
    });
    if (style.bold) {
      this.page.pushOperators(popGraphicsState());
    }
  }

  /**
   * Wraps `text` to `width`, breaking at spaces (or inside a word longer than the line); the text's own line
   * breaks are kept (a BM.05 cell holds "Giao: …" and "Nhận: …" on lines of their own).
   */
  wrap(text: string, width: number, size = BODY_SIZE): string[] {
    return text.split(/\r?\n/).flatMap((line) => this.wrapLine(line, width, size));
  }

  private wrapLine(text: string, width: number, size: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.measure(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) {
        lines.push(line);
      }
      line = word;
      while (this.measure(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && this.measure(line.slice(0, cut), size) > width) {
          cut--;
        }
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) {
      lines.push(line);
    }
    return lines.length ? lines : [''];
  }

  /** A wrapped paragraph across the text width (or a column), advancing the cursor. */
  paragraph(
    text: string,
    style: TextStyle & { indent?: number; align?: 'left' | 'center'; x?: number; width?: number } = {},
  ): void {
    const size = style.size ?? BODY_SIZE;
    const x = style.x ?? this.left;
    const width = (style.width ?? this.width) - (style.indent ?? 0);
    for (const line of this.wrap(text, width, size)) {
      this.ensureSpace(this.lineHeight(size));
      this.y -= this.lineHeight(size);
      const lineX =
        style.align === 'center'
          ? x + ((style.width ?? this.width) - this.measure(line, size)) / 2
          : x + (style.indent ?? 0);
      this.drawAt(line, lineX, this.y + size * 0.25, style);
    }
  }

  /** "Label: value" with the label in regular weight and the value as styled, wrapped together. */
  field(label: string, value: string, valueStyle: TextStyle = {}): void {
    if (!valueStyle.bold && !valueStyle.italic) {
      this.paragraph(`${label}: ${value}`);
      return;
    }
    // a bold value: first line shares the label's line, the rest wraps under it
    const labelText = `${label}: `;
    const labelWidth = this.measure(labelText);
    const first = this.wrap(value, this.width - labelWidth)[0] ?? '';
    this.ensureSpace(this.lineHeight());
    this.y -= this.lineHeight();
    const baseline = this.y + BODY_SIZE * 0.25;
    this.drawAt(labelText, this.left, baseline);
    this.drawAt(first, this.left + labelWidth, baseline, valueStyle);
    const rest = value.slice(first.length).trim();
    if (rest) {
      this.paragraph(rest, valueStyle);
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  hline(x1: number, x2: number, y: number, thickness = 0.6): void {
    this.page.drawLine({
      start: { x: x1, y },
      end: { x: x2, y },
      thickness,
      lineCap: LineCapStyle.Butt,
    });
  }

  /** A ruled table; `widths` are fractions of the text width; the header row is bold and repeated on new pages. */
  table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): void {
    const size = BODY_SIZE - 1;
    const pad = 4;
    const columns = widths.map((w) => w * this.width);
    const drawRow = (cells: readonly string[], bold: boolean): void => {
      const wrapped = cells.map((cell, i) => this.wrap(cell, (columns[i] ?? 0) - 2 * pad, size));
      const height = Math.max(...wrapped.map((l) => l.length)) * this.lineHeight(size) + 2 * pad;
      this.ensureSpace(height);
      const top = this.y;
      let x = this.left;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, n) => {
          const baseline = top - pad - (n + 1) * this.lineHeight(size) + size * 0.3;
          this.drawAt(line, x + pad, baseline, { size, bold });
        });
        this.page.drawRectangle({
          x,
          y: top - height,
          width: columns[i] ?? 0,
          height,
          borderWidth: 0.5,
          borderColor: grayscale(0),
        });
        x += columns[i] ?? 0;
      });
      this.y = top - height;
    };
    this.gap(3);
    drawRow(headers, true);
    for (const row of rows) {
      const before = this.page;
      this.ensureSpace(this.lineHeight(size) + 8);
      if (this.page !== before) {
        drawRow(headers, true);
      }
      drawRow(row, false);
    }
    this.gap(3);
  }

  /**
   * Signature blocks side by side: title (bold capitals), "(Ký và ghi rõ họ tên)" in italics, room for the
   * signature, then the name in bold (Decree 30/2020 App. I, signer's block).
   */
  signatureBlocks(blocks: readonly { title: string; name: string; note?: string }[]): void {
    const blockHeight = 4 * this.lineHeight() + 60;
    this.ensureSpace(blockHeight);
    const top = this.y;
    const columnWidth = this.width / 2;
    let bottom = top;
    blocks.forEach((block, i) => {
      // a single block sits in the right half, where the signer signs
      const x = this.left + (blocks.length === 1 ? columnWidth : i * columnWidth);
      this.y = top;
      this.paragraph(block.title, { bold: true, align: 'center', x, width: columnWidth });
      this.paragraph('(Ký và ghi rõ họ tên)', {
        italic: true,
        size: 10,
        align: 'center',
        x,
        width: columnWidth,
      });
      this.gap(60);
      this.signatureAreas.push({
        page: this.doc.getPageCount(),
        x,
        y: this.y,
        width: columnWidth,
        height: 60,
      });
      this.paragraph(block.name, { bold: true, align: 'center', x, width: columnWidth });
      if (block.note) {
        this.paragraph(block.note, { size: 9, align: 'center', x, width: columnWidth });
      }
      bottom = Math.min(bottom, this.y);
    });
    this.y = bottom;
  }

  /**
   * The QR code of `text` drawn as filled rectangles, with the quiet zone left white; `x`,`top` is the
   * top-left corner of the quiet zone. Returns the drawn size in points, quiet zone included.
   */
  qr(text: string, x: number, top: number, moduleSize: number): number {
    const { size, runs } = qrDarkRuns(text);
    const quiet = QR_QUIET_ZONE * moduleSize;
    const ops = [pushGraphicsState(), setFillingGrayscaleColor(0)];
    for (const run of runs) {
      const left = x + quiet + run.col * moduleSize;
      ops.push(
        rectangle(left, top - quiet - (run.row + 1) * moduleSize, run.length * moduleSize, moduleSize),
      );
    }
    ops.push(fill(), popGraphicsState());
    this.page.pushOperators(...ops);
    return size * moduleSize + 2 * quiet;
  }
}
