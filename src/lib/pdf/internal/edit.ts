/**
 * One incremental update being built: new objects get fresh numbers, changed objects keep their number and
 * generation (§7.5.6), and everything is written by `appendRevision` at the end.
 */
import type { PdfDocument } from './document.ts';
import { type AppendedObject, type AppendResult, appendRevision, appendTail } from './incremental.ts';
import { malformed } from './lexer.ts';
import { PdfDict, type PdfObject, PdfRef, PdfStream } from './objects.ts';

export class DocumentEdit {
  readonly doc: PdfDocument;
  private next: number;
  private readonly objects = new Map<number, AppendedObject>();

  constructor(doc: PdfDocument) {
    this.doc = doc;
    this.next = doc.size;
  }

  allocate(): PdfRef {
    return new PdfRef(this.next++, 0);
  }

  add(body: PdfObject | Uint8Array): PdfRef {
    const ref = this.allocate();
    this.objects.set(ref.num, { num: ref.num, gen: 0, body });
    return ref;
  }

  set(ref: PdfRef, body: PdfObject | Uint8Array): void {
    this.objects.set(ref.num, { num: ref.num, gen: ref.gen, body });
  }

  /** The object as edited so far, else as in the document. */
  current(ref: PdfRef): PdfObject | undefined {
    const edited = this.objects.get(ref.num);
    if (edited && !(edited.body instanceof Uint8Array)) {
      return edited.body;
    }
    return this.doc.getObject(ref.num);
  }

  /** A copy of the dictionary at `ref`, registered as changed: later edits go into the copy. */
  editDict(ref: PdfRef): PdfDict {
    const edited = this.objects.get(ref.num);
    if (edited && edited.body instanceof PdfDict) {
      return edited.body;
    }
    const value = this.doc.getObject(ref.num);
    if (!(value instanceof PdfDict)) {
      throw malformed(`object ${ref.num} is not a dictionary`);
    }
    const copy = value.clone();
    this.set(ref, copy);
    return copy;
  }

  rootRef(): PdfRef {
    const root = this.doc.trailer.get('Root');
    if (!(root instanceof PdfRef)) {
      throw malformed('trailer without /Root');
    }
    return root;
  }

  /**
   * Appends `item` to the array held at `owner[key]`: edits the array object when it is indirect, else
   * sets a new direct array on `owner` (which the caller has already registered as changed).
   */
  appendToArray(owner: PdfDict, key: string, item: PdfObject): void {
    const value = owner.get(key);
    if (value instanceof PdfRef) {
      const array = this.current(value);
      const items = Array.isArray(array) ? [...array] : [];
      items.push(item);
      this.set(value, items);
      return;
    }
    const items = Array.isArray(value) ? [...value] : [];
    items.push(item);
    owner.set(key, items);
  }

  write(): AppendResult {
    return appendRevision(this.doc, [...this.objects.values()]);
  }

  /** Only the appended bytes, for callers that assemble the file themselves (signing hashes as it copies). */
  writeTail(): { tail: Buffer; bodyOffsets: Map<number, number> } {
    return appendTail(this.doc, [...this.objects.values()]);
  }
}

export function streamOf(dict: PdfDict, data: Uint8Array): PdfStream {
  return new PdfStream(dict, data);
}
