/**
 * The PDF object model (ISO 32000-2 §7.3): null, boolean, number, name, string, array, dictionary,
 * stream and indirect reference. Numbers stay JS numbers; names are interned so `===` compares them.
 */
export class PdfName {
  readonly value: string;
  private static readonly table = new Map<string, PdfName>();

  private constructor(value: string) {
    this.value = value;
  }

  static of(value: string): PdfName {
    let name = PdfName.table.get(value);
    if (!name) {
      name = new PdfName(value);
      PdfName.table.set(value, name);
    }
    return name;
  }
}

export class PdfRef {
  readonly num: number;
  readonly gen: number;

  constructor(num: number, gen: number) {
    this.num = num;
    this.gen = gen;
  }
}

export class PdfString {
  readonly bytes: Uint8Array;
  readonly isHex: boolean;

  constructor(bytes: Uint8Array, isHex = false) {
    this.bytes = bytes;
    this.isHex = isHex;
  }

  /** A text string (§7.9.2.2): UTF-16BE with BOM unless every character is printable ASCII. */
  static text(value: string): PdfString {
    if (/^[\x20-\x7e]*$/.test(value)) {
      return new PdfString(new TextEncoder().encode(value));
    }
    const bytes = new Uint8Array(2 + value.length * 2);
    bytes[0] = 0xfe;
    bytes[1] = 0xff;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      bytes[2 + i * 2] = code >> 8;
      bytes[3 + i * 2] = code & 0xff;
    }
    return new PdfString(bytes);
  }

  /** Decodes a text string: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), else PDFDocEncoding ≈ Latin-1. */
  toText(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let out = '';
      for (let i = 2; i + 1 < b.length; i += 2) {
        out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      }
      return out;
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      return new TextDecoder().decode(b.subarray(3));
    }
    return String.fromCharCode(...b);
  }
}

export class PdfDict {
  readonly map: Map<string, PdfObject>;

  constructor(entries?: Iterable<readonly [string, PdfObject]>) {
    this.map = new Map(entries);
  }

  get(key: string): PdfObject | undefined {
    return this.map.get(key);
  }

  set(key: string, value: PdfObject): this {
    this.map.set(key, value);
    return this;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}

export class PdfStream {
  readonly dict: PdfDict;
  /** The encoded bytes between `stream` and `endstream`. */
  readonly data: Uint8Array;

  constructor(dict: PdfDict, data: Uint8Array) {
    this.dict = dict;
    this.data = data;
  }
}

export type PdfObject =
  | null
  | boolean
  | number
  | PdfName
  | PdfString
  | PdfRef
  | PdfObject[]
  | PdfDict
  | PdfStream;

export const name = PdfName.of;

export function dict(entries: Record<string, PdfObject | undefined>): PdfDict {
  const d = new PdfDict();
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) {
      d.set(key, value);
    }
  }
  return d;
}

export function isName(value: PdfObject | undefined, expected?: string): value is PdfName {
  return value instanceof PdfName && (expected === undefined || value.value === expected);
}

/** Structural equality of two parsed objects; references compare by number and generation. */
export function sameObject(a: PdfObject | undefined, b: PdfObject | undefined): boolean {
  if (a === b) {
    return true;
  }
  if (a instanceof PdfRef && b instanceof PdfRef) {
    return a.num === b.num && a.gen === b.gen;
  }
  if (a instanceof PdfString && b instanceof PdfString) {
    return sameBytes(a.bytes, b.bytes);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameObject(item, b[i]));
  }
  if (a instanceof PdfDict && b instanceof PdfDict) {
    if (a.map.size !== b.map.size) {
      return false;
    }
    for (const [key, value] of a.map) {
      if (!b.map.has(key) || !sameObject(value, b.map.get(key))) {
        return false;
      }
    }
    return true;
  }
  if (a instanceof PdfStream && b instanceof PdfStream) {
    return sameObject(a.dict, b.dict) && sameBytes(a.data, b.data);
  }
  return false;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
