/**
 * Rewrites BER indefinite lengths as definite ones (X.690 §8.1.3.6 → §10.1), keeping every primitive
 * value byte for byte. Other tools (NSS, behind pdfsig) write adbe.pkcs7 signatures with indefinite
 * lengths; the pki DER reader accepts only definite lengths. Signed attributes are DER already, so the
 * bytes a signature covers are unchanged.
 */
import { malformed } from './lexer.ts';

const MAX_DEPTH = 64;

export function berToDer(input: Uint8Array): Uint8Array {
  const { parts, next } = element(input, 0, 0);
  void next;
  return Buffer.concat(parts);
}

function element(b: Uint8Array, pos: number, depth: number): { parts: Uint8Array[]; next: number } {
  if (depth > MAX_DEPTH || pos + 2 > b.length) {
    throw malformed('BER: truncated or nested too deeply');
  }
  const tagStart = pos;
  const constructed = (b[pos]! & 0x20) !== 0;
  if ((b[pos]! & 0x1f) === 0x1f) {
    pos++;
    while (pos < b.length && b[pos]! & 0x80) {
      pos++;
    }
  }
  pos++;
  const tag = b.subarray(tagStart, pos);
  const first = b[pos++];
  if (first === undefined) {
    throw malformed('BER: truncated length');
  }
  if (first === 0x80) {
    if (!constructed) {
      throw malformed('BER: indefinite length on a primitive value');
    }
    const children: Uint8Array[] = [];
    for (;;) {
      if (pos + 2 > b.length) {
        throw malformed('BER: missing end-of-contents');
      }
      if (b[pos] === 0 && b[pos + 1] === 0) {
        pos += 2;
        break;
      }
      const child = element(b, pos, depth + 1);
      children.push(...child.parts);
      pos = child.next;
    }
    const content = Buffer.concat(children);
    return { parts: [tag, derLength(content.length), content], next: pos };
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || pos + n > b.length) {
      throw malformed('BER: bad length');
    }
    length = 0;
    for (let i = 0; i < n; i++) {
      length = length * 256 + b[pos++]!;
    }
  }
  const end = pos + length;
  if (end > b.length) {
    throw malformed('BER: value longer than the data');
  }
  if (!constructed) {
    return { parts: [tag, derLength(length), b.subarray(pos, end)], next: end };
  }
  const children: Uint8Array[] = [];
  while (pos < end) {
    const child = element(b, pos, depth + 1);
    children.push(...child.parts);
    pos = child.next;
  }
  const content = Buffer.concat(children);
  return { parts: [tag, derLength(content.length), content], next: end };
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) {
    return Uint8Array.of(length);
  }
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) {
    bytes.unshift(v & 0xff);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}
