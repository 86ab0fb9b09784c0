/**
 * A lazily-read PDF: the cross-reference chain is read at open (ISO 32000-2 §7.5.4 tables, §7.5.8 streams,
 * §7.5.8.4 hybrid files, §7.5.6 incremental updates, Annex F linearized files), objects are parsed only
 * when first asked for, so signing a 480-page file never touches the pages it does not change.
 */
import { PdfError } from '../errors.ts';
import { decodeStream } from './filters.ts';
import { indexOf, lastIndexOf, latin1, malformed } from './lexer.ts';
import { isName, PdfDict, type PdfObject, PdfRef, PdfStream } from './objects.ts';
import { Parser } from './parser.ts';
import { readChain } from './xref.ts';

export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number };

export interface XrefSection {
  /** Byte offset of `xref` or of the cross-reference stream object. */
  offset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
}

export interface Revision {
  /** 0 for the original document, then one per incremental update. */
  index: number;
  /** Where this revision's own bytes start (the previous revision's end; 0 for the original). */
  start: number;
  /** The revision's bytes are [0, end): every revision includes all the earlier ones. */
  end: number;
  xrefOffset: number;
  xrefKind: 'table' | 'stream';
}

const STARTXREF = 'startxref';
const EOF_MARKER = '%%EOF';

export class PdfDocument {
  readonly bytes: Uint8Array;
  /** Cross-reference sections in chain order, newest first. */
  readonly sections: readonly XrefSection[];
  readonly xref: ReadonlyMap<number, XrefEntry>;
  readonly trailer: PdfDict;
  /** The value of the last `startxref`: the /Prev of the next incremental section. */
  readonly startxref: number;
  private readonly cache = new Map<number, PdfObject | undefined>();
  private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();
  private scanned: Map<number, number> | undefined;
  private resolving = new Set<number>();
  private sizeCache: number | undefined;

  private constructor(bytes: Uint8Array, sections: XrefSection[], startxref: number) {
    this.bytes = bytes;
    this.sections = sections;
    this.startxref = startxref;
    // One section (most files to sign): its entries are the table; no copy of a 1,000-entry map.
    const merged = sections.length === 1 ? sections[0]!.entries : new Map<number, XrefEntry>();
    for (const section of sections.length === 1 ? [] : sections) {
      for (const [num, entry] of section.entries) {
        if (!merged.has(num)) {
          merged.set(num, entry);
        }
      }
    }
    this.xref = merged;
    this.trailer = sections[0]!.trailer;
  }

  static open(input: Uint8Array): PdfDocument {
    const bytes = input;
    if (bytes.length < 8 || latin1(bytes, 0, 1024).indexOf('%PDF-') < 0) {
      throw new PdfError('NOT_PDF', 'not a PDF file (no %PDF- header)');
    }
    const at = lastIndexOf(bytes, STARTXREF);
    if (at < 0) {
      throw malformed('no startxref: the file is truncated or not a PDF');
    }
    const parser = new Parser(bytes, at + STARTXREF.length);
    let startxref = parser.readInteger();
    let sections: XrefSection[];
    try {
      sections = readChain(bytes, startxref);
    } catch (error) {
      // A wrong startxref (an editor that miscounted): use the last cross-reference section in the file.
      const found = findLastSection(bytes, at);
      if (found === undefined || found === startxref) {
        throw error;
      }
      sections = readChain(bytes, found);
      startxref = found;
    }
    const doc = new PdfDocument(bytes, sections, startxref);
    if (doc.trailer.has('Encrypt')) {
      throw new PdfError('ENCRYPTED', 'the PDF is encrypted');
    }
    if (!(doc.trailer.get('Root') instanceof PdfRef)) {
      throw malformed('trailer without /Root');
    }
    return doc;
  }

  /** The document as it was when the revision ending at byte `end` was written (sections before `end`). */
  viewAt(end: number): PdfDocument {
    const sections = this.sections.filter((s) => s.offset < end);
    if (sections.length === 0) {
      throw malformed(`no cross-reference section before offset ${end}`);
    }
    return new PdfDocument(this.bytes.subarray(0, end), sections, sections[0]!.offset);
  }

  /** The incremental revisions, oldest first (a linearized file's two sections form one revision). */
  revisions(): Revision[] {
    const heads: XrefSection[] = [];
    for (let i = 0; i < this.sections.length; i++) {
      const section = this.sections[i]!;
      const prev = this.sections[i + 1];
      // Annex F: the first-page section's /Prev points forward to the main section of the same revision.
      if (prev && prev.offset > section.offset) {
        continue;
      }
      heads.push(section);
    }
    // heads newest first; each revision ends at the %%EOF after its section.
    const ends = heads.map((s) => revisionEnd(this.bytes, s.offset));
    return heads
      .map((s, i) => ({ end: ends[i]!, xrefOffset: s.offset, xrefKind: s.kind }))
      .reverse()
      .map((r, index, all) => ({ index, start: index === 0 ? 0 : all[index - 1]!.end, ...r }));
  }

  /** Highest object number + 1, from /Size and the entries actually present. */
  get size(): number {
    if (this.sizeCache === undefined) {
      let size = typeof this.trailer.get('Size') === 'number' ? (this.trailer.get('Size') as number) : 0;
      for (const num of this.xref.keys()) {
        size = Math.max(size, num + 1);
      }
      this.sizeCache = size;
    }
    return this.sizeCache;
  }

  get lastXrefKind(): 'table' | 'stream' {
    return this.sections[0]!.kind;
  }

  getObject(num: number): PdfObject | undefined {
    if (this.cache.has(num)) {
      return this.cache.get(num);
    }
    if (this.resolving.has(num)) {
      throw malformed(`object ${num} refers to itself while being read`);
    }
    this.resolving.add(num);
    try {
      const value = this.readObject(num);
      this.cache.set(num, value);
      return value;
    } finally {
      this.resolving.delete(num);
    }
  }

  /** Follows references (a missing object is null, §7.3.10). */
  resolve(value: PdfObject | undefined): PdfObject | undefined {
    let current = value;
    for (let hops = 0; current instanceof PdfRef; hops++) {
      if (hops > 32) {
        throw malformed('reference chain too long');
      }
      current = this.getObject(current.num);
    }
    return current;
  }

  getDict(value: PdfObject | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    if (v instanceof PdfDict) {
      return v;
    }
    return v instanceof PdfStream ? v.dict : undefined;
  }

  catalog(): PdfDict {
    const root = this.getDict(this.trailer.get('Root'));
    if (!root) {
      throw malformed('the /Root catalog is missing');
    }
    return root;
  }

  /** Byte offset of an uncompressed object, used to compare objects' sources between revisions. */
  entry(num: number): XrefEntry | undefined {
    return this.xref.get(num);
  }

  private readObject(num: number): PdfObject | undefined {
    const entry = this.xref.get(num);
    if (!entry || entry.kind === 'free') {
      return undefined;
    }
    if (entry.kind === 'compressed') {
      return this.readCompressed(num, entry.stream, entry.index);
    }
    try {
      return this.parseAt(entry.offset, num);
    } catch (error) {
      // A wrong offset: fall back to scanning the file for `num G obj` (as most readers do).
      const offset = this.scanFor(num);
      if (offset === undefined || offset === entry.offset) {
        throw error instanceof PdfError ? error : malformed(`cannot read object ${num}`, error);
      }
      return this.parseAt(offset, num);
    }
  }

  private parseAt(offset: number, num: number): PdfObject {
    if (offset < 0 || offset >= this.bytes.length) {
      throw malformed(`object ${num} offset ${offset} is outside the file`);
    }
    const parser = new Parser(this.bytes, offset);
    const parsed = parser.parseIndirectObject((ref) => {
      const length = ref.num === num ? undefined : this.resolve(ref);
      return typeof length === 'number' ? length : undefined;
    });
    if (parsed.num !== num) {
      throw malformed(`object ${num} expected at offset ${offset}, found ${parsed.num}`);
    }
    return parsed.value;
  }

  private readCompressed(num: number, streamNum: number, index: number): PdfObject | undefined {
    let objStm = this.objectStreams.get(streamNum);
    if (!objStm) {
      const stream = this.getObject(streamNum);
      if (!(stream instanceof PdfStream) || !isName(stream.dict.get('Type'), 'ObjStm')) {
        throw malformed(`object stream ${streamNum} is missing`);
      }
      const data = decodeStream(stream);
      const n = stream.dict.get('N');
      const first = stream.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || first > data.length) {
        throw malformed(`object stream ${streamNum} has a bad header`);
      }
      const header = new Parser(data, 0, first);
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const objNum = header.readInteger();
        const objOffset = header.readInteger();
        offsets.set(objNum, first + objOffset);
      }
      objStm = { data, offsets };
      this.objectStreams.set(streamNum, objStm);
    }
    void index;
    const at = objStm.offsets.get(num);
    if (at === undefined) {
      return undefined;
    }
    return new Parser(objStm.data, at).parseObject();
  }

  private scanFor(num: number): number | undefined {
    if (!this.scanned) {
      this.scanned = new Map();
      const text = latin1(this.bytes, 0, this.bytes.length);
      const re = /(?<![0-9])(\d+)\s+\d+\s+obj\b/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        this.scanned.set(Number(m[1]), m.index); // the last definition wins, as in an update
      }
    }
    return this.scanned.get(num);
  }
}

/** Offset of the last `xref` keyword or cross-reference stream object before `before`. */
function findLastSection(bytes: Uint8Array, before: number): number | undefined {
  let table = -1;
  // `xref` as a keyword, not the end of `startxref`
  for (
    let at = lastIndexOf(bytes, 'xref', before);
    at > 0;
    at = at > 1 ? lastIndexOf(bytes, 'xref', at - 1) : -1
  ) {
    const prev = bytes[at - 1];
    if (prev === 10 || prev === 13 || prev === 32) {
      table = at;
      break;
    }
  }
  let stream = -1;
  const type = lastIndexOf(bytes, '/XRef', before);
  if (type >= 0) {
    const head = latin1(bytes, Math.max(0, type - 400), type);
    const match = /(\d+)\s+\d+\s+obj\b(?![\s\S]*\bobj\b)/.exec(head);
    if (match) {
      stream = Math.max(0, type - 400) + match.index;
    }
  }
  const best = Math.max(table, stream);
  return best >= 0 ? best : undefined;
}

function revisionEnd(bytes: Uint8Array, from: number): number {
  const at = indexOf(bytes, EOF_MARKER, from);
  if (at < 0) {
    return bytes.length;
  }
  let end = at + EOF_MARKER.length;
  if (bytes[end] === 13) {
    end++;
  }
  if (bytes[end] === 10) {
    end++;
  }
  return end;
}
