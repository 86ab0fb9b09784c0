/** Page tree walking (ISO 32000-2 §7.7.3): finds page N using /Count, never reading unrelated leaves. */
import { PdfError } from '../errors.ts';
import type { PdfDocument } from './document.ts';
import { malformed } from './lexer.ts';
import { isName, type PdfDict, PdfRef } from './objects.ts';

export interface PageHandle {
  ref: PdfRef;
  dict: PdfDict;
}

/** `index` is 0-based. */
export function findPage(doc: PdfDocument, index: number): PageHandle {
  let node = doc.catalog().get('Pages');
  let remaining = index;
  for (let depth = 0; depth < 64; depth++) {
    if (!(node instanceof PdfRef)) {
      throw malformed('page tree node is not an indirect object');
    }
    const dict = doc.getDict(node);
    if (!dict) {
      throw malformed(`page tree node ${node.num} is missing`);
    }
    if (isName(dict.get('Type'), 'Page') || !dict.has('Kids')) {
      if (remaining === 0) {
        return { ref: node, dict };
      }
      break;
    }
    const kids = doc.resolve(dict.get('Kids'));
    if (!Array.isArray(kids)) {
      throw malformed('page tree node without /Kids');
    }
    let next: PdfRef | undefined;
    for (const kid of kids) {
      if (!(kid instanceof PdfRef)) {
        continue;
      }
      const kidDict = doc.getDict(kid);
      const isLeaf = !kidDict || isName(kidDict.get('Type'), 'Page') || !kidDict.has('Kids');
      const count = isLeaf ? 1 : Number(doc.resolve(kidDict.get('Count')) ?? 0);
      if (remaining < count) {
        next = kid;
        break;
      }
      remaining -= count;
    }
    if (!next) {
      break;
    }
    node = next;
  }
  throw new PdfError('INVALID_ARGUMENT', `the document has no page ${index + 1}`);
}

export function pageCount(doc: PdfDocument): number {
  const pages = doc.getDict(doc.catalog().get('Pages'));
  const count = pages ? doc.resolve(pages.get('Count')) : undefined;
  return typeof count === 'number' ? count : 0;
}
