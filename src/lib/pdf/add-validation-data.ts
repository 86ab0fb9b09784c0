/**
 * PAdES B-LT (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3): an incremental update adding a Document
 * Security Store with the certificates, CRLs and OCSP responses a validator needs. No /VRI: it is
 * optional and error-prone (SIGNATURES.md). An existing DSS keeps its entries; duplicates are skipped.
 */
import { deflateSync } from 'node:zlib';
import { PdfError } from './errors.ts';
import { PdfDocument } from './internal/document.ts';
import { DocumentEdit } from './internal/edit.ts';
import { decodeStream } from './internal/filters.ts';
import { dict, name, PdfDict, type PdfObject, PdfRef, PdfStream, sameBytes } from './internal/objects.ts';

export interface PdfValidationData {
  /** DER certificates (the chains of the signer, the TSA and the OCSP responder). */
  certificates?: readonly Uint8Array[];
  /** DER CertificateList (RFC 5280 §5). */
  crls?: readonly Uint8Array[];
  /** DER OCSPResponse (RFC 6960 §4.2.1). */
  ocspResponses?: readonly Uint8Array[];
}

export function addPdfValidationData(pdf: Uint8Array, data: PdfValidationData): Uint8Array {
  const total =
    (data.certificates?.length ?? 0) + (data.crls?.length ?? 0) + (data.ocspResponses?.length ?? 0);
  if (total === 0) {
    throw new PdfError('INVALID_ARGUMENT', 'no validation data to add');
  }
  const doc = PdfDocument.open(pdf);
  const edit = new DocumentEdit(doc);
  const rootRef = edit.rootRef();
  const existing = doc.getDict(doc.catalog().get('DSS'));
  const dss = existing ? existing.clone() : new PdfDict();
  const merge = (key: string, items: readonly Uint8Array[] | undefined) => {
    if (!items?.length) {
      return;
    }
    const current = doc.resolve(dss.get(key));
    const refs: PdfObject[] = Array.isArray(current) ? [...current] : [];
    const present = refs.map((r) => {
      const s = doc.resolve(r);
      return s instanceof PdfStream ? decodeStream(s) : new Uint8Array(0);
    });
    for (const item of items) {
      if (present.some((p) => sameBytes(p, item))) {
        continue;
      }
      present.push(item);
      refs.push(edit.add(new PdfStream(dict({ Filter: name('FlateDecode') }), deflateSync(item))));
    }
    dss.set(key, refs);
  };
  merge('Certs', data.certificates);
  merge('CRLs', data.crls);
  merge('OCSPs', data.ocspResponses);
  const dssValue = doc.catalog().get('DSS');
  if (dssValue instanceof PdfRef) {
    edit.set(dssValue, dss);
  } else {
    edit.editDict(rootRef).set('DSS', edit.add(dss));
  }
  return edit.write().bytes;
}
