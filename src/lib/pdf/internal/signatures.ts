/**
 * Finds the signature fields of a document (ISO 32000-2 §12.7.5.5) and reads their signature
 * dictionaries (§12.8.1): /ByteRange, /Contents trimmed to its DER length, /SubFilter, /M and texts.
 */
import type { PdfDocument } from './document.ts';
import { isName, type PdfDict, type PdfObject, PdfRef, PdfString } from './objects.ts';

export interface SignatureEntry {
  fieldName: string;
  /** The object number of the signature dictionary (/V). */
  valueNum: number;
  dict: PdfDict;
  byteRange: number[];
  /** DER of the CMS or TimeStampToken, without the zero padding. */
  contents: Uint8Array;
  subFilter: string;
  type: string;
  signingTime: string | undefined;
  reason: string | undefined;
  location: string | undefined;
  widgets: PdfRef[];
}

export function listSignatures(doc: PdfDocument): SignatureEntry[] {
  const acroForm = doc.getDict(doc.catalog().get('AcroForm'));
  const fields = acroForm ? doc.resolve(acroForm.get('Fields')) : undefined;
  const out: SignatureEntry[] = [];
  const seen = new Set<number>();
  const visit = (
    value: PdfObject | undefined,
    prefix: string,
    inheritedFt: string | undefined,
    depth: number,
  ) => {
    if (depth > 32 || !(value instanceof PdfRef) || seen.has(value.num)) {
      return;
    }
    seen.add(value.num);
    const field = doc.getDict(value);
    if (!field) {
      return;
    }
    const t = field.get('T');
    const full = t instanceof PdfString ? (prefix ? `${prefix}.${t.toText()}` : t.toText()) : prefix;
    const ftValue = field.get('FT');
    const ft = isName(ftValue) ? ftValue.value : inheritedFt;
    const kids = doc.resolve(field.get('Kids'));
    const childFields = Array.isArray(kids) ? kids.filter((k) => doc.getDict(k)?.has('T')) : [];
    if (childFields.length > 0) {
      for (const kid of childFields) {
        visit(kid, full, ft, depth + 1);
      }
      return;
    }
    const v = field.get('V');
    if (ft !== 'Sig' || !(v instanceof PdfRef)) {
      return;
    }
    const sig = doc.getDict(v);
    if (!sig) {
      return;
    }
    const widgets = Array.isArray(kids) ? kids.filter((k): k is PdfRef => k instanceof PdfRef) : [value];
    out.push(readSignature(full, v.num, sig, widgets));
  };
  if (Array.isArray(fields)) {
    for (const f of fields) {
      visit(f, '', undefined, 0);
    }
  }
  return out;
}

function readSignature(fieldName: string, valueNum: number, sig: PdfDict, widgets: PdfRef[]): SignatureEntry {
  const range = sig.get('ByteRange');
  const contents = sig.get('Contents');
  const text = (key: string) => {
    const v = sig.get(key);
    return v instanceof PdfString ? v.toText() : undefined;
  };
  const subFilter = sig.get('SubFilter');
  const type = sig.get('Type');
  return {
    fieldName,
    valueNum,
    dict: sig,
    byteRange: Array.isArray(range) ? range.filter((x): x is number => typeof x === 'number') : [],
    contents: contents instanceof PdfString ? trimDer(contents.bytes) : new Uint8Array(0),
    subFilter: isName(subFilter) ? subFilter.value : '',
    type: isName(type) ? type.value : 'Sig',
    signingTime: text('M'),
    reason: text('Reason'),
    location: text('Location'),
    widgets,
  };
}

/** The DER element at the start of `bytes` (X.690 §8.1.3 definite length), dropping trailing padding. */
export function trimDer(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2) {
    return bytes;
  }
  const first = bytes[1]!;
  if (first < 0x80) {
    return bytes.subarray(0, Math.min(bytes.length, 2 + first));
  }
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) {
    return bytes;
  }
  let length = 0;
  for (let i = 0; i < n; i++) {
    length = length * 256 + bytes[2 + i]!;
  }
  return bytes.subarray(0, Math.min(bytes.length, 2 + n + length));
}
