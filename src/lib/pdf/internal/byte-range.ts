/** The integrity checks of a signature's /ByteRange (ISO 32000-2 §12.8.1, ETSI EN 319 142-1 §5.4). */
import type { PdfSignatureProblem } from '../verify-pdf.ts';
import type { PdfDocument } from './document.ts';
import type { SignatureEntry } from './signatures.ts';

export /** ISO 32000-2 §12.8.1: [0 a b c], a = offset of '<', b = after '>', only hex digits in between. */
function checkByteRange(bytes: Uint8Array, doc: PdfDocument, entry: SignatureEntry): PdfSignatureProblem[] {
  const r = entry.byteRange;
  if (r.length !== 4 || !r.every((v) => Number.isInteger(v) && v >= 0)) {
    return ['BYTE_RANGE_INVALID'];
  }
  const [start, a, b, c] = r as [number, number, number, number];
  if (start !== 0 || a <= 0 || b <= a + 1 || b + c > bytes.length) {
    return ['BYTE_RANGE_INVALID'];
  }
  if (bytes[a] !== 0x3c || bytes[b - 1] !== 0x3e) {
    return ['BYTE_RANGE_NOT_AROUND_CONTENTS'];
  }
  for (let i = a + 1; i < b - 1; i++) {
    const ch = bytes[i]!;
    const isHex = (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
    if (!isHex) {
      return ['BYTE_RANGE_NOT_AROUND_CONTENTS'];
    }
  }
  // The gap must be this dictionary's /Contents: the key sits just before `a` inside the signature object.
  const xref = doc.entry(entry.valueNum);
  if (xref?.kind === 'offset') {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, a).toString(
      'latin1',
      Math.max(xref.offset, a - 64),
    );
    if (xref.offset > a || !/\/Contents\s*$/.test(head)) {
      return ['BYTE_RANGE_NOT_AROUND_CONTENTS'];
    }
  } else {
    return ['BYTE_RANGE_NOT_AROUND_CONTENTS'];
  }
  const e = b + c;
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, e).toString('latin1', Math.max(0, e - 8));
  if (!/%%EOF\s*$/.test(tail)) {
    return ['BYTE_RANGE_NOT_A_REVISION'];
  }
  return [];
}
