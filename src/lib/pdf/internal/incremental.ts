/**
 * The incremental writer (ISO 32000-2 §7.5.6): the input bytes are kept as they are, the new or changed
 * objects are appended, then a cross-reference section of the same kind as the last one (a table after a
 * table, a stream after a stream, §7.5.8) and a trailer whose /Prev points to the previous section.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PdfDocument } from './document.ts';
import { dict, name, PdfDict, type PdfObject, PdfRef, PdfString } from './objects.ts';
import { ByteWriter } from './serialize.ts';

export interface AppendedObject {
  num: number;
  gen: number;
  /** A parsed object, or the object's exact bytes (used where offsets inside it must be known). */
  body: PdfObject | Uint8Array;
}

export interface AppendResult {
  bytes: Buffer;
  /** Absolute offset where each appended object's body starts (after `N G obj\n`). */
  bodyOffsets: Map<number, number>;
}

export function appendRevision(doc: PdfDocument, objects: readonly AppendedObject[]): AppendResult {
  const { tail, bodyOffsets } = appendTail(doc, objects);
  const bytes = Buffer.allocUnsafe(doc.bytes.length + tail.length);
  bytes.set(doc.bytes, 0);
  bytes.set(tail, doc.bytes.length);
  return { bytes, bodyOffsets };
}

/** The bytes to append to the input (offsets in `bodyOffsets` are absolute, as in the whole file). */
export function appendTail(
  doc: PdfDocument,
  objects: readonly AppendedObject[],
): { tail: Buffer; bodyOffsets: Map<number, number> } {
  const input = doc.bytes;
  const w = new ByteWriter();
  const last = input[input.length - 1];
  if (last !== 10 && last !== 13) {
    w.text('\n');
  }
  const base = input.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  const bodyOffsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.num, { offset: base + w.length, gen: object.gen });
    w.text(`${object.num} ${object.gen} obj\n`);
    bodyOffsets.set(object.num, base + w.length);
    if (object.body instanceof Uint8Array) {
      w.bytes(object.body);
    } else {
      w.object(object.body);
    }
    w.text('\nendobj\n');
  }
  let size = doc.size;
  for (const object of objects) {
    size = Math.max(size, object.num + 1);
  }
  const trailer = dict({
    Root: doc.trailer.get('Root'),
    Info: doc.trailer.get('Info'),
    ID: nextId(doc.trailer.get('ID')),
    Prev: doc.startxref,
  });
  const xrefOffset = base + w.length;
  if (doc.lastXrefKind === 'stream') {
    const streamNum = size;
    offsets.set(streamNum, { offset: xrefOffset, gen: 0 });
    writeXrefStream(w, offsets, trailer, streamNum);
  } else {
    writeXrefTable(w, offsets, trailer.set('Size', size));
  }
  w.text(`startxref\n${xrefOffset}\n%%EOF\n`);
  return { tail: w.toBuffer(), bodyOffsets };
}

/** §14.4: on an update the first identifier stays, the second changes. */
function nextId(current: PdfObject | undefined): PdfObject {
  const fresh = new PdfString(randomBytes(16), true);
  if (Array.isArray(current) && current[0] instanceof PdfString) {
    return [new PdfString(current[0].bytes, true), fresh];
  }
  return [fresh, fresh];
}

function runs(nums: number[]): Array<[number, number[]]> {
  const sorted = [...nums].sort((a, b) => a - b);
  const out: Array<[number, number[]]> = [];
  for (const num of sorted) {
    const current = out[out.length - 1];
    if (current && current[0] + current[1].length === num) {
      current[1].push(num);
    } else {
      out.push([num, [num]]);
    }
  }
  return out;
}

/** §7.5.4: 20-byte entries `oooooooooo ggggg n\r\n`. */
function writeXrefTable(
  w: ByteWriter,
  offsets: Map<number, { offset: number; gen: number }>,
  trailer: PdfDict,
) {
  w.text('xref\n');
  for (const [first, nums] of runs([...offsets.keys()])) {
    w.text(`${first} ${nums.length}\n`);
    for (const num of nums) {
      const e = offsets.get(num)!;
      w.text(`${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`);
    }
  }
  w.text('trailer\n').object(trailer).text('\n');
}

/** §7.5.8.2: /W [1 4 2], type 1 entries for every appended object and for the stream itself. */
function writeXrefStream(
  w: ByteWriter,
  offsets: Map<number, { offset: number; gen: number }>,
  trailer: PdfDict,
  streamNum: number,
) {
  const index: number[] = [];
  const rows: number[] = [];
  for (const [first, nums] of runs([...offsets.keys()])) {
    index.push(first, nums.length);
    rows.push(...nums);
  }
  const data = Buffer.alloc(rows.length * 7);
  rows.forEach((num, i) => {
    const e = offsets.get(num)!;
    data[i * 7] = 1;
    data.writeUInt32BE(e.offset, i * 7 + 1);
    data.writeUInt16BE(Math.min(e.gen, 0xffff), i * 7 + 5);
  });
  const compressed = deflateSync(data);
  const d = new PdfDict([
    ['Type', name('XRef')],
    ['Size', streamNum + 1],
    ['W', [1, 4, 2]],
    ['Index', index],
    ...[...trailer.map].filter(([, v]) => v !== undefined),
    ['Filter', name('FlateDecode')],
    ['Length', compressed.length],
  ]);
  w.text(`${streamNum} 0 obj\n`).object(d).text('\nstream\n').bytes(compressed).text('\nendstream\nendobj\n');
}

export function ref(num: number, gen = 0): PdfRef {
  return new PdfRef(num, gen);
}
