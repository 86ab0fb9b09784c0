/**
 * The signature dictionary with its two placeholders (ISO 32000-2 §12.8.1): /ByteRange written at a fixed
 * width and patched in place once the file length is known, and /Contents as a zero-filled hex string of
 * twice the reserved CMS size. The gap in the byte range is exactly the hex string, `<` and `>` included.
 */
import { createHash } from 'node:crypto';
import { PdfError } from '../errors.ts';
import type { PdfDict } from './objects.ts';
import { ByteWriter } from './serialize.ts';

const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

export interface PlaceholderLayout {
  body: Uint8Array;
  /** Offsets relative to the start of `body`. */
  byteRangeAt: number;
  contentsAt: number;
  contentsEnd: number;
}

export function signatureDictionaryBody(entries: PdfDict, contentsBytes: number): PlaceholderLayout {
  const w = new ByteWriter();
  w.text('<<');
  for (const [key, value] of entries.map) {
    w.text(`/${key} `).object(value);
  }
  w.text('/ByteRange ');
  const byteRangeAt = w.length;
  w.text(`${BYTE_RANGE_PLACEHOLDER}/Contents `);
  const contentsAt = w.length;
  w.text(`<${'0'.repeat(contentsBytes * 2)}>`);
  const contentsEnd = w.length;
  w.text('>>');
  return { body: w.toBuffer(), byteRangeAt, contentsAt, contentsEnd };
}

export type ByteRange = [number, number, number, number];

/** Patches /ByteRange [0 a b len-b] in place and returns it. */
export function patchByteRange(
  bytes: Uint8Array,
  byteRangeAt: number,
  contentsAt: number,
  contentsEnd: number,
) {
  const range: ByteRange = [0, contentsAt, contentsEnd, bytes.length - contentsEnd];
  const text = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (text.length !== BYTE_RANGE_PLACEHOLDER.length) {
    throw new PdfError('UNSUPPORTED', 'file too large for the /ByteRange placeholder');
  }
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).write(text, byteRangeAt, 'latin1');
  return range;
}

export function digestByteRange(bytes: Uint8Array, range: ByteRange): Uint8Array {
  const hash = createHash('sha256');
  hash.update(bytes.subarray(range[0], range[0] + range[1]));
  hash.update(bytes.subarray(range[2], range[2] + range[3]));
  return hash.digest();
}
