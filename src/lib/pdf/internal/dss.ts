/** Reads the Document Security Store (ISO 32000-2 §12.8.4.3) of the latest revision, and when it appeared. */
import type { PdfDocument } from './document.ts';
import { decodeStream } from './filters.ts';
import { PdfStream } from './objects.ts';

export interface Dss {
  certificates: Uint8Array[];
  crls: Uint8Array[];
  ocspResponses: Uint8Array[];
}

export function readDss(doc: PdfDocument): Dss {
  const dss = doc.getDict(doc.catalog().get('DSS'));
  const read = (key: string) => {
    const list = dss ? doc.resolve(dss.get(key)) : undefined;
    const out: Uint8Array[] = [];
    if (Array.isArray(list)) {
      for (const item of list) {
        const s = doc.resolve(item);
        if (s instanceof PdfStream) {
          try {
            out.push(decodeStream(s));
          } catch {
            // an unreadable DSS entry is ignored: it only adds validation material
          }
        }
      }
    }
    return out;
  };
  return { certificates: read('Certs'), crls: read('CRLs'), ocspResponses: read('OCSPs') };
}

export function firstRevisionWithDss(doc: PdfDocument, ends: number[]): number | undefined {
  if (!doc.catalog().has('DSS')) {
    return undefined;
  }
  for (const e of ends) {
    try {
      if (doc.viewAt(e).catalog().has('DSS')) {
        return e;
      }
    } catch {
      // an unreadable earlier revision cannot hold the DSS
    }
  }
  return undefined;
}
