/**
 * The widget's normal appearance (ISO 32000-2 §12.5.5): a form XObject of its own, so no page content
 * stream is ever touched. It shows the signer's name, title, unit and the signing time in Vietnamese
 * (DejaVu Sans subset), and for organisation signatures the unit's red seal drawn over the left third of
 * the signer's handwritten-signature image (Decree 30/2020/NĐ-CP Appendix I, shared/DOMAIN.md).
 */

import { isoWithOffset } from './dates.ts';
import type { DocumentEdit } from './edit.ts';
import { dict, name, type PdfRef, PdfStream } from './objects.ts';
import { embedPng } from './png.ts';
import { formatNumber } from './serialize.ts';

export interface SignatureAppearance {
  signerName?: string;
  /** Position, e.g. "Chủ tịch". */
  title?: string;
  /** Issuing unit, e.g. "UBND xã Bình Ca". */
  unit?: string;
  /** Offset of the time shown, in minutes east of UTC; default +07:00 (Vietnam). */
  timeZoneOffsetMinutes?: number;
  /** The unit's seal, transparent PNG: makes an organisation (seal) signature. */
  sealImage?: Uint8Array;
  /** The signer's handwritten signature, transparent PNG. */
  signatureImage?: Uint8Array;
  /**
   * Extra lines after the unit, e.g. "Số: 15/QĐ-UBND" for the organisation signature without image on
   * attachments and electronic copies (Decree 30/2020 Appendix I: number and symbol, then the time).
   */
  lines?: readonly string[];
  /** Largest font size in points (text shrinks to fit the rectangle); default 10. */
  fontSize?: number;
  /**
   * A QR code drawn square at the right edge (e.g. the link to the public verification page on the seal
   * signature): the symbol's size in modules and its dark modules as horizontal runs, from any encoder.
   */
  qr?: { size: number; runs: readonly { row: number; col: number; length: number }[] };
}

export interface AppearanceInput {
  width: number;
  height: number;
  content: SignatureAppearance | undefined;
  signingTime: Date;
}

const PADDING = 2;

export async function buildAppearance(edit: DocumentEdit, input: AppearanceInput): Promise<PdfRef> {
  const { width, height } = input;
  const form = (data: string, resources = dict({})) =>
    new PdfStream(
      dict({
        Type: name('XObject'),
        Subtype: name('Form'),
        BBox: [0, 0, width, height],
        Resources: resources,
      }),
      Buffer.from(data, 'latin1'),
    );
  if (width <= 0 || height <= 0) {
    return edit.add(form(''));
  }
  const content = input.content ?? {};
  const ops: string[] = [];
  const xobjects = dict({});
  const n = formatNumber;

  // Images on the left: the signature, and the seal over its left third.
  const side = Math.max(0, Math.min(height - 2 * PADDING, width * 0.4));
  let textLeft = PADDING;
  const hasBoth = content.sealImage !== undefined && content.signatureImage !== undefined;
  const place = (png: Uint8Array, key: string, x: number) => {
    const image = embedPng(edit, png);
    const scale = Math.min(side / image.width, side / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    xobjects.set(key, image.ref);
    ops.push(`q ${n(w)} 0 0 ${n(h)} ${n(x)} ${n((height - h) / 2)} cm /${key} Do Q`);
  };
  if (side > 4 && (content.sealImage || content.signatureImage)) {
    if (content.signatureImage) {
      place(content.signatureImage, 'Sig', PADDING + (hasBoth ? side / 3 : 0));
    }
    if (content.sealImage) {
      place(content.sealImage, 'Seal', PADDING);
    }
    textLeft = PADDING + side * (hasBoth ? 4 / 3 : 1) + 4;
  }

  let textRight = width - PADDING;
  const qrSide = Math.min(height - 2 * PADDING, width * 0.35);
  if (content.qr && content.qr.size > 0 && qrSide > 8) {
    // One filled rectangle per run of dark modules, on a white square (the quiet zone is the padding).
    const unit = qrSide / content.qr.size;
    const left = width - PADDING - qrSide;
    const top = (height + qrSide) / 2;
    ops.push(`q 1 1 1 rg ${n(left)} ${n(top - qrSide)} ${n(qrSide)} ${n(qrSide)} re f 0 0 0 rg`);
    for (const run of content.qr.runs) {
      ops.push(
        `${n(left + run.col * unit)} ${n(top - (run.row + 1) * unit)} ${n(run.length * unit)} ${n(unit)} re`,
      );
    }
    ops.push('f Q');
    textRight = left - 3;
  }

  const lines = [
    content.signerName,
    content.title,
    content.unit,
    ...(content.lines ?? []),
    `Thời gian ký: ${isoWithOffset(input.signingTime, content.timeZoneOffsetMinutes ?? 420)}`,
  ].filter((l): l is string => typeof l === 'string' && l.length > 0);
  // fontkit is loaded only for visible signatures: invisible ones never pay for it
  const { SubsetFont } = await import('./font.ts');
  const font = new SubsetFont();
  const textWidth = Math.max(1, textRight - textLeft);
  let size = Math.min(content.fontSize ?? 10, (height - 2 * PADDING) / (lines.length * 1.2));
  for (const line of lines) {
    size = Math.min(size, textWidth / Math.max(0.001, font.measure(line, 1)));
  }
  size = Math.max(size, 3);
  ops.push('BT 0 0 0.55 rg');
  lines.forEach((line, i) => {
    const y = height - PADDING - size * 1.2 * (i + 1) + size * 0.25;
    ops.push(`/F1 ${n(size)} Tf 1 0 0 1 ${n(textLeft)} ${n(y)} Tm ${font.encode(line)} Tj`);
  });
  ops.push('ET');
  const fontRef = await font.embed(edit);
  const resources = dict({
    Font: dict({ F1: fontRef }),
    XObject: xobjects.map.size > 0 ? xobjects : undefined,
  });
  return edit.add(form(ops.join('\n'), resources));
}
