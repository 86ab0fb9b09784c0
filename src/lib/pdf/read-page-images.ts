/**
 * The images drawn on each page of a PDF (ISO 32000-2 §8.9 image XObjects, §8.4.1 the CTM): for each
 * `Do` of an image XObject in a page's content stream, its pixel size, its colour components and the size
 * it is drawn at (the current transformation matrix maps the image's unit square onto the page, §8.9.4),
 * so a caller can tell the resolution a scan was made at: pixels ÷ (drawn points ÷ 72).
 * Form XObjects and inline images are not followed; a page whose content cannot be decoded lists nothing.
 */
import { PdfDocument } from './internal/document.ts';
import { decodeStream } from './internal/filters.ts';
import { isName, type PdfDict, PdfName, type PdfObject, PdfStream } from './internal/objects.ts';
import { findPage, pageCount } from './internal/pages.ts';

export interface PdfPageImage {
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** 1 (grey, stencil mask), 3 (RGB, Lab), 4 (CMYK), or undefined when the colour space does not say (JPX). */
  readonly components: number | undefined;
  /** The size drawn on the page, in points (1/72 inch). */
  readonly drawnWidth: number;
  readonly drawnHeight: number;
}

export interface PdfPageImages {
  /** 1-based. */
  readonly page: number;
  readonly images: readonly PdfPageImage[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n (ISO 32000-2 §8.3.4: `cm` sets CTM′ = M × CTM). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const DELIMITER = /[\s()<>[\]{}/%]/;

/** The operands and operators of a content stream (§7.8.2); strings, arrays and inline images skipped. */
function* contentTokens(text: string): Generator<{ operator: string; operands: (number | string)[] }> {
  let operands: (number | string)[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at] as string;
    if (/\s/.test(c)) {
      at++;
    } else if (c === '%') {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') {
        at++;
      }
    } else if (c === '(') {
      let depth = 0;
      for (; at < text.length; at++) {
        const s = text[at];
        if (s === '\\') {
          at++;
        } else if (s === '(') {
          depth++;
        } else if (s === ')' && --depth === 0) {
          break;
        }
      }
      at++;
      operands.push('');
    } else if (c === '<' && text[at + 1] !== '<') {
      at = text.indexOf('>', at) + 1 || text.length;
      operands.push('');
    } else if ('[]<>{}'.includes(c)) {
      at += c === '<' || c === '>' ? 2 : 1;
    } else {
      let end = at + 1;
      while (end < text.length && !DELIMITER.test(text[end] as string)) {
        end++;
      }
      const token = text.slice(at, end);
      at = end;
      if (token.startsWith('/')) {
        operands.push(token.slice(1));
      } else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
        operands.push(Number(token));
      } else if (token === 'BI') {
        // An inline image (§8.9.7): its data ends at whitespace + EI + whitespace.
        const data = text.slice(at).search(/\sID\s/);
        const end = data < 0 ? -1 : text.slice(at + data + 4).search(/\sEI(\s|$)/);
        at = data < 0 || end < 0 ? text.length : at + data + 4 + end + 3;
        operands = [];
      } else {
        yield { operator: token, operands };
        operands = [];
      }
    }
  }
}

function componentsOf(doc: PdfDocument, space: PdfObject | undefined, depth = 0): number | undefined {
  const value = doc.resolve(space);
  if (value instanceof PdfName) {
    const n: Record<string, number> = {
      DeviceGray: 1,
      CalGray: 1,
      G: 1,
      DeviceRGB: 3,
      CalRGB: 3,
      Lab: 3,
      RGB: 3,
      DeviceCMYK: 4,
      CMYK: 4,
    };
    return n[value.value];
  }
  if (!Array.isArray(value) || depth > 4) {
    return undefined;
  }
  const family = value[0];
  if (isName(family, 'ICCBased')) {
    const profile = doc.resolve(value[1]);
    const count = profile instanceof PdfStream ? doc.resolve(profile.dict.get('N')) : undefined;
    return typeof count === 'number' ? count : undefined;
  }
  if (isName(family, 'Indexed') || isName(family, 'I')) {
    return componentsOf(doc, value[1], depth + 1);
  }
  if (isName(family, 'Separation')) {
    return 1;
  }
  if (isName(family, 'DeviceN')) {
    const names = doc.resolve(value[1]);
    return Array.isArray(names) ? names.length : undefined;
  }
  return componentsOf(doc, family, depth + 1);
}

function inherited(doc: PdfDocument, page: PdfDict, key: string): PdfObject | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth++) {
    if (node.has(key)) {
      return node.get(key);
    }
    node = doc.getDict(node.get('Parent'));
  }
  return undefined;
}

function contentText(doc: PdfDocument, page: PdfDict): string {
  const contents = doc.resolve(page.get('Contents'));
  const streams = Array.isArray(contents) ? contents.map((c) => doc.resolve(c)) : [contents];
  return streams
    .filter((s): s is PdfStream => s instanceof PdfStream)
    .map((s) => Buffer.from(decodeStream(s)).toString('latin1'))
    .join('\n');
}

export function readPdfPageImages(pdf: Uint8Array, options: { maxPages?: number } = {}): PdfPageImages[] {
  const doc = PdfDocument.open(pdf);
  const count = Math.min(pageCount(doc), options.maxPages ?? 200);
  const pages: PdfPageImages[] = [];
  for (let i = 0; i < count; i++) {
    const page = findPage(doc, i).dict;
    const resources = doc.getDict(inherited(doc, page, 'Resources'));
    const xobjects = doc.getDict(resources?.get('XObject'));
    const images: PdfPageImage[] = [];
    let text = '';
    try {
      text = xobjects ? contentText(doc, page) : '';
    } catch {
      // A filter the library does not decode: nothing is known of this page.
    }
    let ctm: Matrix = IDENTITY;
    const stack: Matrix[] = [];
    for (const { operator, operands } of contentTokens(text)) {
      if (operator === 'q') {
        stack.push(ctm);
      } else if (operator === 'Q') {
        ctm = stack.pop() ?? IDENTITY;
      } else if (operator === 'cm' && operands.length === 6 && operands.every((o) => typeof o === 'number')) {
        ctm = multiply(operands as Matrix, ctm);
      } else if (operator === 'Do' && typeof operands[0] === 'string') {
        const xobject = doc.resolve(xobjects?.get(operands[0]));
        const dict = xobject instanceof PdfStream ? xobject.dict : undefined;
        if (!dict || !isName(dict.get('Subtype'), 'Image')) {
          continue;
        }
        const width = doc.resolve(dict.get('Width'));
        const height = doc.resolve(dict.get('Height'));
        if (typeof width !== 'number' || typeof height !== 'number') {
          continue;
        }
        images.push({
          pixelWidth: width,
          pixelHeight: height,
          components:
            doc.resolve(dict.get('ImageMask')) === true ? 1 : componentsOf(doc, dict.get('ColorSpace')),
          drawnWidth: Math.hypot(ctm[0], ctm[1]),
          drawnHeight: Math.hypot(ctm[2], ctm[3]),
        });
      }
    }
    pages.push({ page: i + 1, images });
  }
  return pages;
}
