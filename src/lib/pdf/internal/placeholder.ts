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
  w.text('<')
    .bytes(Buffer.alloc(contentsBytes * 2, 0x30))
    .text('>');
  const contentsEnd = w.length;
  w.text('>>');
  return { body: w.toBuffer(), byteRangeAt, contentsAt, contentsEnd };
}

export type ByteRange = [number, number, number, number];

const CHUNK = 256 * 1024;

/**
 * The signed file from the input and the appended tail: patches /ByteRange in the tail, then copies the
 * input chunk by chunk, hashing each chunk while it is still in cache, and hashes the tail around /Contents.
 * One pass over the input instead of a copy followed by a hash.
 */
export function assembleSigned(
  input: Uint8Array,
  tail: Buffer,
  byteRangeAt: number,
  contentsAt: number,
  contentsEnd: number,
): { bytes: Buffer; byteRange: ByteRange; digest: Uint8Array } {
  const base = input.length;
  const total = base + tail.length;
  const byteRange: ByteRange = [0, contentsAt, contentsEnd, total - contentsEnd];
  const text = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (text.length !== BYTE_RANGE_PLACEHOLDER.length || contentsAt < base) {
    throw new PdfError('UNSUPPORTED', 'file too large for the /ByteRange placeholder');
  }
  tail.write(text, byteRangeAt - base, 'latin1');
  const bytes = Buffer.allocUnsafe(total);
  const hash = createHash('sha256');
  for (let at = 0; at < base; at += CHUNK) {
    const chunk = input.subarray(at, Math.min(base, at + CHUNK));
    bytes.set(chunk, at);
    hash.update(chunk);
  }
  bytes.set(tail, base);
  hash.update(tail.subarray(0, contentsAt - base));
  hash.update(tail.subarray(contentsEnd - base));
  return { bytes, byteRange, digest: hash.digest() };
}
