/**
 * A minimal DER writer and reader (ITU-T X.690 §8, §10). Writing by hand keeps every byte that feeds a
 * hash under our control (signed attributes, TBSCertificate, TSTInfo); reading returns byte spans so the
 * exact bytes a signature covers can be re-hashed. The reader checks every length against the buffer and
 * throws PkiError('MALFORMED_INPUT') instead of reading past the end.
 */
import { PkiError } from '../errors.ts';

const empty = new Uint8Array(0);

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) {
    total += part.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Bytes of a definite length (X.690 §8.1.3): short form below 128, else 0x80|n then n big-endian bytes. */
function lengthOctets(length: number): number {
  if (length < 0x80) {
    return 1;
  }
  let n = 1;
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    n++;
  }
  return n;
}

/** One allocation per element: every DER writer in the library goes through here. */
export function tlv(tag: number, ...content: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of content) {
    length += part.length;
  }
  const lengthBytes = lengthOctets(length);
  const out = new Uint8Array(1 + lengthBytes + length);
  out[0] = tag;
  if (length < 0x80) {
    out[1] = length;
  } else {
    out[1] = 0x80 | (lengthBytes - 1);
    for (let i = lengthBytes, rest = length; i >= 2; i--, rest = Math.floor(rest / 256)) {
      out[i] = rest & 0xff;
    }
  }
  let offset = 1 + lengthBytes;
  for (const part of content) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const sequence = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...items);

/** SET OF in DER: elements sorted by their encodings as octet strings (X.690 §11.6). */
export function setOf(items: readonly Uint8Array[]): Uint8Array {
  return tlv(0x31, ...[...items].sort(compareBytes));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return a[i]! - b[i]!;
    }
  }
  return a.length - b.length;
}

/** [n] EXPLICIT: constructed context-specific tag around the full encoding. */
export const explicit = (n: number, ...items: readonly Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...items);
/** [n] IMPLICIT on a constructed type (SEQUENCE/SET): only the tag byte changes. */
export const implicitConstructed = (n: number, ...items: readonly Uint8Array[]): Uint8Array =>
  tlv(0xa0 | n, ...items);
/** [n] IMPLICIT on a primitive type (OCTET STRING, INTEGER...). */
export const implicitPrimitive = (n: number, content: Uint8Array): Uint8Array => tlv(0x80 | n, content);

export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const boolean = (value: boolean): Uint8Array => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);
export const utf8String = (text: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(text));
export const printableString = (text: string): Uint8Array => tlv(0x13, new TextEncoder().encode(text));
export const ia5String = (text: string): Uint8Array => tlv(0x16, new TextEncoder().encode(text));
export const enumerated = (value: number): Uint8Array => tlv(0x0a, integerContent(BigInt(value)));

/** BIT STRING with no unused bits (keys, signatures). */
export const bitString = (bytes: Uint8Array): Uint8Array => tlv(0x03, Uint8Array.of(0), bytes);

/** Named-bit BIT STRING (KeyUsage, ReasonFlags): trailing zero bits removed (X.690 §11.2.2). */
export function namedBits(bits: readonly number[]): Uint8Array {
  if (bits.length === 0) {
    return Uint8Array.of(0x03, 0x01, 0x00);
  }
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) {
    bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  }
  const unused = 7 - (highest & 7);
  return tlv(0x03, Uint8Array.of(unused), bytes);
}

function integerContent(value: bigint): Uint8Array {
  if (value === 0n) {
    return Uint8Array.of(0);
  }
  if (value < 0n) {
    throw new PkiError('INVALID_ARGUMENT', 'negative INTEGER values are not used here');
  }
  let hex = value.toString(16);
  if (hex.length % 2) {
    hex = `0${hex}`;
  }
  const bytes = Buffer.from(hex, 'hex');
  return bytes[0]! & 0x80 ? concat([Uint8Array.of(0), bytes]) : new Uint8Array(bytes);
}

export const integer = (value: bigint | number): Uint8Array => tlv(0x02, integerContent(BigInt(value)));

/** INTEGER from unsigned big-endian bytes (serial numbers): minimal, positive. */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start++;
  }
  const trimmed = bytes.subarray(start);
  return tlv(0x02, trimmed[0]! & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

/** Encoded OIDs: the same few are written into every CMS, so each is encoded once (issue 3 §8). */
const encodedOids = new Map<string, Uint8Array>();
const MAX_CACHED_OIDS = 512;

export function objectIdentifier(dotted: string): Uint8Array {
  let encoded = encodedOids.get(dotted);
  if (!encoded) {
    encoded = encodeObjectIdentifier(dotted);
    if (encodedOids.size < MAX_CACHED_OIDS) {
      encodedOids.set(dotted, encoded);
    }
  }
  return new Uint8Array(encoded);
}

function encodeObjectIdentifier(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) {
    throw new PkiError('INVALID_ARGUMENT', `bad OID ${dotted}`);
  }
  const values = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
  const out: number[] = [];
  for (const value of values) {
    const chunk: number[] = [Number(value & 0x7fn)];
    for (let rest = value >> 7n; rest > 0n; rest >>= 7n) {
      chunk.unshift(Number(rest & 0x7fn) | 0x80);
    }
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** UTCTime for years 1950–2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
export function time(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050 ? utcTime(date) : generalizedTime(date);
}

export function utcTime(date: Date): Uint8Array {
  const text = `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(
    date.getUTCHours(),
  )}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return tlv(0x17, new TextEncoder().encode(text));
}

/** GeneralizedTime, Z, fractional seconds only when non-zero and without trailing zeros (RFC 3161 §2.4.2). */
export function generalizedTime(date: Date, withMilliseconds = false): Uint8Array {
  let text = `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(
    date.getUTCHours(),
  )}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  if (withMilliseconds && ms > 0) {
    text += `.${pad(ms, 3).replace(/0+$/, '')}`;
  }
  return tlv(0x18, new TextEncoder().encode(`${text}Z`));
}

// ───────────────────────────── reader ─────────────────────────────

/** One decoded element: its tag, and where its header and content sit in `bytes`. */
export interface Element {
  readonly bytes: Uint8Array;
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  /** End of the content: before the end-of-contents octets of a BER indefinite length, else `end`. */
  readonly contentEnd: number;
  readonly end: number;
}

function malformed(what: string): PkiError {
  return new PkiError('MALFORMED_INPUT', `malformed DER: ${what}`);
}

/** Nesting limit for BER indefinite lengths, so hostile input cannot exhaust the stack. */
const maxDepth = 64;

/**
 * Reads one element. Definite lengths as DER requires; BER indefinite lengths (X.690 §8.1.3.6, written by
 * NSS and some TSAs) are accepted on constructed elements so other tools' CMS can be read.
 */
export function readElement(bytes: Uint8Array, start = 0, limit = bytes.length, depth = 0): Element {
  if (start + 2 > limit) {
    throw malformed('truncated header');
  }
  if (depth > maxDepth) {
    throw malformed('nesting too deep');
  }
  const tag = bytes[start]!;
  if ((tag & 0x1f) === 0x1f) {
    throw malformed('high tag numbers are not used in these structures');
  }
  let length = bytes[start + 1]!;
  let contentStart = start + 2;
  if (length === 0x80) {
    if (!(tag & 0x20)) {
      throw malformed('indefinite length on a primitive element');
    }
    let offset = contentStart;
    while (!(bytes[offset] === 0 && bytes[offset + 1] === 0)) {
      if (offset + 2 > limit) {
        throw malformed('missing end-of-contents');
      }
      offset = readElement(bytes, offset, limit, depth + 1).end;
    }
    if (offset + 2 > limit) {
      throw malformed('missing end-of-contents');
    }
    return { bytes, tag, start, contentStart, contentEnd: offset, end: offset + 2 };
  }
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) {
      throw malformed('oversized length');
    }
    if (contentStart + count > limit) {
      throw malformed('truncated length');
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + bytes[contentStart + i]!;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) {
    throw malformed('content runs past the end');
  }
  return { bytes, tag, start, contentStart, contentEnd: end, end };
}

/** Parses exactly one element spanning all of `bytes`. */
export function readRoot(bytes: Uint8Array): Element {
  const root = readElement(bytes, 0);
  if (root.end !== bytes.length) {
    throw malformed('trailing bytes after the top-level element');
  }
  return root;
}

export function children(element: Element): Element[] {
  if (!(element.tag & 0x20)) {
    throw malformed(`tag 0x${element.tag.toString(16)} is not constructed`);
  }
  const out: Element[] = [];
  for (let offset = element.contentStart; offset < element.contentEnd; ) {
    const child = readElement(element.bytes, offset, element.contentEnd);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export const encoded = (element: Element): Uint8Array => element.bytes.subarray(element.start, element.end);
export const content = (element: Element): Uint8Array =>
  element.bytes.subarray(element.contentStart, element.contentEnd);

export function expectTag(element: Element | undefined, tag: number, what: string): Element {
  if (!element || element.tag !== tag) {
    throw malformed(`${what}: expected tag 0x${tag.toString(16)}`);
  }
  return element;
}

export function readOid(element: Element | undefined): string {
  const bytes = content(expectTag(element, 0x06, 'OBJECT IDENTIFIER'));
  const arcs: bigint[] = [];
  let value = 0n;
  for (const byte of bytes) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0n;
    }
  }
  if (arcs.length === 0) {
    throw malformed('empty OBJECT IDENTIFIER');
  }
  const first = arcs[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

export function readInteger(element: Element | undefined): bigint {
  const bytes = content(expectTag(element, 0x02, 'INTEGER'));
  if (bytes.length === 0) {
    throw malformed('empty INTEGER');
  }
  let value = 0n;
  for (const byte of bytes) {
    value = (value << 8n) | BigInt(byte);
  }
  return bytes[0]! & 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
}

/** UTCTime or GeneralizedTime → Date (RFC 5280 §4.1.2.5). */
export function readTime(element: Element | undefined): Date {
  if (!element || (element.tag !== 0x17 && element.tag !== 0x18)) {
    throw malformed('expected a time');
  }
  const text = new TextDecoder().decode(content(element));
  const match =
    element.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  if (!match) {
    throw malformed(`bad time ${text}`);
  }
  let year = Number(match[1]);
  if (element.tag === 0x17) {
    year += year < 50 ? 2000 : 1900;
  }
  const ms = match[7] ? Math.round(Number(`0${match[7]}`) * 1000) : 0;
  return new Date(
    Date.UTC(
      year,
      Number(match[2]) - 1,
      Number(match[3]),
      Number(match[4]),
      Number(match[5]),
      Number(match[6]),
      ms,
    ),
  );
}

export { empty };

/** OCTET STRING content, primitive (DER) or constructed from segments (BER, X.690 §8.7.3). */
export function octets(element: Element): Uint8Array {
  if (element.tag === 0x04 || element.tag === 0x80) {
    return content(element);
  }
  if (element.tag === 0x24 || element.tag === 0xa0) {
    return concat(children(element).map(octets));
  }
  throw malformed('expected an OCTET STRING');
}
