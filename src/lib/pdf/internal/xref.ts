/**
 * Cross-reference sections (ISO 32000-2 §7.5.4 tables, §7.5.8 streams, §7.5.8.4 hybrid files) and the
 * /Prev chain of incremental updates (§7.5.6). A /Prev loop ends the chain; broken sections → MALFORMED.
 */
import type { XrefEntry, XrefSection } from './document.ts';
import { decodeStream } from './filters.ts';
import { malformed } from './lexer.ts';
import { isName, PdfDict, PdfStream } from './objects.ts';
import { Parser } from './parser.ts';

const MAX_SECTIONS = 10_000;

export function readChain(bytes: Uint8Array, startxref: number): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | undefined = startxref;
  while (offset !== undefined) {
    if (seen.has(offset) || sections.length > MAX_SECTIONS) {
      break; // a /Prev loop: keep what was read
    }
    seen.add(offset);
    const section = readSection(bytes, offset);
    const xrefStm = section.trailer.get('XRefStm');
    if (section.kind === 'table' && typeof xrefStm === 'number' && !seen.has(xrefStm)) {
      // §7.5.8.4 hybrid file: the stream's entries complete the table's (the table marks them free).
      seen.add(xrefStm);
      const hidden = readSection(bytes, xrefStm);
      for (const [num, entry] of hidden.entries) {
        const own = section.entries.get(num);
        if (!own || own.kind === 'free') {
          section.entries.set(num, entry);
        }
      }
    }
    sections.push(section);
    const prev = section.trailer.get('Prev');
    offset = typeof prev === 'number' ? prev : undefined;
  }
  return sections;
}

function readSection(bytes: Uint8Array, offset: number): XrefSection {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) {
    throw malformed(`cross-reference offset ${offset} is outside the file`);
  }
  const parser = new Parser(bytes, offset);
  if (parser.peekToken() === 'xref') {
    return readTable(parser, offset);
  }
  return readStreamSection(parser, offset);
}

/** §7.5.4: `xref`, subsections `first count` with 20-byte entries, then `trailer << >>`. */
function readTable(parser: Parser, offset: number): XrefSection {
  parser.expectKeyword('xref');
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const token = parser.peekToken();
    if (token === 'trailer') {
      parser.readToken();
      break;
    }
    const first = parser.readInteger();
    const count = parser.readInteger();
    if (count > parser.bytes.length / 18) {
      throw malformed('cross-reference subsection larger than the file');
    }
    for (let i = 0; i < count; i++) {
      const fast = readFixedEntry(parser);
      if (fast) {
        const num = first + i;
        if (!entries.has(num)) {
          entries.set(num, fast);
        }
        continue;
      }
      const field1 = parser.readInteger();
      const field2 = parser.readInteger();
      const type = parser.readToken();
      const num = first + i;
      if (entries.has(num)) {
        continue;
      }
      if (type === 'n') {
        entries.set(num, { kind: 'offset', offset: field1, gen: field2 });
      } else if (type === 'f') {
        entries.set(num, { kind: 'free' });
      } else {
        throw malformed(`bad cross-reference entry type '${type.slice(0, 10)}'`);
      }
    }
  }
  const trailer = parser.parseObject();
  if (!(trailer instanceof PdfDict)) {
    throw malformed('trailer is not a dictionary');
  }
  return { offset, kind: 'table', entries, trailer };
}

/** The common case of §7.5.4: exactly `oooooooooo ggggg n` then two EOL/space bytes, read without tokens. */
function readFixedEntry(parser: Parser): XrefEntry | undefined {
  parser.skipWhitespace();
  const b = parser.bytes;
  const p = parser.pos;
  if (p + 18 > b.length || b[p + 10] !== 32 || b[p + 16] !== 32) {
    return undefined;
  }
  let offset = 0;
  for (let i = 0; i < 10; i++) {
    const d = b[p + i]! - 48;
    if (d < 0 || d > 9) {
      return undefined;
    }
    offset = offset * 10 + d;
  }
  let gen = 0;
  for (let i = 11; i < 16; i++) {
    const d = b[p + i]! - 48;
    if (d < 0 || d > 9) {
      return undefined;
    }
    gen = gen * 10 + d;
  }
  const type = b[p + 17];
  if (type !== 0x6e && type !== 0x66) {
    return undefined;
  }
  parser.pos = p + 18;
  return type === 0x6e ? { kind: 'offset', offset, gen } : { kind: 'free' };
}

/** §7.5.8: a stream object with /Type /XRef, /W field widths and /Index subsections. */
function readStreamSection(parser: Parser, offset: number): XrefSection {
  const { value } = parser.parseIndirectObject(() => undefined);
  if (!(value instanceof PdfStream) || !isName(value.dict.get('Type'), 'XRef')) {
    throw malformed(`no cross-reference table or stream at offset ${offset}`);
  }
  const d = value.dict;
  const w = d.get('W');
  const size = d.get('Size');
  if (!Array.isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) {
    throw malformed('cross-reference stream with a bad /W');
  }
  if (typeof size !== 'number') {
    throw malformed('cross-reference stream without /Size');
  }
  const widths = w as number[];
  const index = d.get('Index');
  const ranges: number[] = Array.isArray(index)
    ? index.filter((x): x is number => typeof x === 'number')
    : [0, size];
  const data = decodeStream(value);
  const rowLength = widths[0]! + widths[1]! + widths[2]!;
  if (rowLength === 0) {
    throw malformed('cross-reference stream with zero-width rows');
  }
  const entries = new Map<number, XrefEntry>();
  let pos = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    const first = ranges[r]!;
    const count = ranges[r + 1]!;
    for (let i = 0; i < count && pos + rowLength <= data.length; i++) {
      const type = widths[0] === 0 ? 1 : readField(data, pos, widths[0]!);
      const f2 = readField(data, pos + widths[0]!, widths[1]!);
      const f3 = readField(data, pos + widths[0]! + widths[1]!, widths[2]!);
      pos += rowLength;
      const num = first + i;
      if (entries.has(num)) {
        continue;
      }
      if (type === 0) {
        entries.set(num, { kind: 'free' });
      } else if (type === 1) {
        entries.set(num, { kind: 'offset', offset: f2, gen: f3 });
      } else if (type === 2) {
        entries.set(num, { kind: 'compressed', stream: f2, index: f3 });
      }
    }
  }
  return { offset, kind: 'stream', entries, trailer: d };
}

function readField(data: Uint8Array, pos: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) {
    v = v * 256 + data[pos + i]!;
  }
  return v;
}
