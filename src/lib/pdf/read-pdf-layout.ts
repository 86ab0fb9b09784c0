/**
 * What a signing page needs to know about a PDF before signing it: the number of pages, a page's size
 * (its /MediaBox, inherited through the page tree, ISO 32000-2 §7.7.3.4) and the signature fields already
 * in the document (§12.7.5.5), so a document that says where its signatures go keeps that place.
 */
import { PdfDocument } from './internal/document.ts';
import { isName, type PdfObject, PdfRef, PdfString } from './internal/objects.ts';
import { findPage, pageCount } from './internal/pages.ts';

export interface PdfSignatureFieldInfo {
  readonly name: string;
  /** 1-based page of the field's widget (undefined when the widget names no page we can find). */
  readonly page: number | undefined;
  /** [llx, lly, urx, ury] in points. */
  readonly rect: readonly [number, number, number, number];
  readonly isSigned: boolean;
}

export interface PdfLayout {
  readonly pageCount: number;
  /** Width and height in points of a 1-based page (US Letter when the page names no usable /MediaBox). */
  pageSize(page: number): { width: number; height: number };
  readonly signatureFields: readonly PdfSignatureFieldInfo[];
}

/** Pages searched for a widget's page; a longer document reports `page: undefined` for later fields. */
const MAX_PAGES_SCANNED = 500;

export function readPdfLayout(pdf: Uint8Array): PdfLayout {
  const doc = PdfDocument.open(pdf);
  const count = pageCount(doc);
  const numbers = (value: PdfObject | undefined): number[] | undefined => {
    const resolved = doc.resolve(value);
    if (!Array.isArray(resolved)) {
      return undefined;
    }
    const list = resolved.map((v) => doc.resolve(v));
    return list.length === 4 && list.every((v) => typeof v === 'number') ? (list as number[]) : undefined;
  };
  const pageSize = (page: number) => {
    let node = doc.getDict(findPage(doc, page - 1).ref);
    for (let depth = 0; node && depth < 64; depth++) {
      const box = numbers(node.get('MediaBox'));
      if (box) {
        const [a, b, c, d] = box as [number, number, number, number];
        return { width: Math.abs(c - a), height: Math.abs(d - b) };
      }
      node = doc.getDict(node.get('Parent'));
    }
    return { width: 612, height: 792 };
  };
  const pageNumbers = new Map<number, number>();
  const pageOf = (ref: PdfObject | undefined): number | undefined => {
    if (!(ref instanceof PdfRef)) {
      return undefined;
    }
    if (pageNumbers.size === 0) {
      for (let i = 0; i < Math.min(count, MAX_PAGES_SCANNED); i++) {
        pageNumbers.set(findPage(doc, i).ref.num, i + 1);
      }
    }
    return pageNumbers.get(ref.num);
  };
  const signatureFields: PdfSignatureFieldInfo[] = [];
  const acroForm = doc.getDict(doc.catalog().get('AcroForm'));
  const fields = acroForm ? doc.resolve(acroForm.get('Fields')) : undefined;
  for (const ref of Array.isArray(fields) ? fields : []) {
    const field = doc.getDict(ref);
    const title = field?.get('T');
    if (!field || !(title instanceof PdfString) || !isName(field.get('FT'), 'Sig')) {
      continue;
    }
    const kids = doc.resolve(field.get('Kids'));
    const widget = doc.getDict(Array.isArray(kids) && kids[0] instanceof PdfRef ? kids[0] : ref) ?? field;
    const [a, b, c, d] = (numbers(widget.get('Rect')) ?? [0, 0, 0, 0]) as [number, number, number, number];
    signatureFields.push({
      name: title.toText(),
      page: pageOf(widget.get('P')),
      rect: [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)],
      isSigned: field.has('V'),
    });
  }
  return { pageCount: count, pageSize, signatureFields };
}
