/**
 * The object parser of PDF syntax (ISO 32000-2 §7.3 objects, §7.3.10 indirect objects, §7.3.8 streams), on
 * the lexer of lexer.ts (§7.2). Robust on garbage: every loop advances, nesting is bounded, and any problem
 * throws PdfError 'MALFORMED'.
 */
import { indexOf, isDelimiter, isRegular, isWhitespace, Lexer, latin1, malformed } from './lexer.ts';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from './objects.ts';

const MAX_DEPTH = 64;
const ENDSTREAM = 'endstream';

/** Resolves the /Length of a stream when it is an indirect reference (§7.3.8.2). */
export type LengthResolver = (ref: PdfRef) => number | undefined;

export class Parser extends Lexer {
  parseObject(depth = 0): PdfObject {
    if (depth > MAX_DEPTH) {
      throw malformed('objects nested too deeply');
    }
    this.skipWhitespace();
    if (this.pos >= this.end) {
      throw malformed('unexpected end of data');
    }
    const b = this.bytes;
    const c = b[this.pos]!;
    switch (c) {
      case 0x2f: // '/'
        return this.parseName();
      case 0x28: // '('
        return this.parseLiteralString();
      case 0x3c: // '<'
        if (b[this.pos + 1] === 0x3c) {
          return this.parseDictionary(depth);
        }
        return this.parseHexString();
      case 0x5b: {
        // '['
        this.pos++;
        const items: PdfObject[] = [];
        for (;;) {
          this.skipWhitespace();
          if (this.pos >= this.end) {
            throw malformed('unterminated array');
          }
          if (b[this.pos] === 0x5d) {
            this.pos++;
            return items;
          }
          items.push(this.parseObject(depth + 1));
        }
      }
      default:
        break;
    }
    if (c >= 0x30 && c <= 0x39) {
      const fast = this.readIntegerOrRef();
      if (fast !== undefined) {
        return fast;
      }
    }
    const start = this.pos;
    const token = this.readToken();
    if (token.length === 0) {
      throw malformed(`unexpected character 0x${c.toString(16)} at offset ${start}`);
    }
    if (token === 'true') {
      return true;
    }
    if (token === 'false') {
      return false;
    }
    if (token === 'null') {
      return null;
    }
    if (/^\d+$/.test(token)) {
      // `N G R` (§7.3.10)
      const save = this.pos;
      const gen = this.readToken();
      if (/^\d+$/.test(gen) && this.readToken() === 'R') {
        return new PdfRef(Number(token), Number(gen));
      }
      this.pos = save;
      return Number(token);
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
      return Number(token);
    }
    throw malformed(`unexpected token '${token.slice(0, 20)}' at offset ${start}`);
  }

  /**
   * Fast path for the commonest tokens, integers and `N G R` references (a page tree's /Kids), read from
   * the bytes without building strings. Returns undefined (position unchanged) for anything else.
   */
  private readIntegerOrRef(): number | PdfRef | undefined {
    const b = this.bytes;
    const digits = (from: number): [number, number] => {
      let at = from;
      let value = 0;
      while (at < this.end && b[at]! >= 0x30 && b[at]! <= 0x39 && at - from < 15) {
        value = value * 10 + (b[at]! - 0x30);
        at++;
      }
      return [value, at];
    };
    const start = this.pos;
    const [num, afterNum] = digits(start);
    const next = b[afterNum];
    if (afterNum < this.end && !isWhitespace(next) && !isDelimiter(next)) {
      return undefined; // a real number, or digits too long: the token path handles it
    }
    let at = afterNum;
    while (at < this.end && isWhitespace(b[at])) {
      at++;
    }
    const [gen, afterGen] = digits(at);
    if (afterGen > at && afterGen < this.end && isWhitespace(b[afterGen])) {
      let r = afterGen;
      while (r < this.end && isWhitespace(b[r])) {
        r++;
      }
      const after = b[r + 1];
      if (b[r] === 0x52 && (r + 1 >= this.end || isWhitespace(after) || isDelimiter(after))) {
        this.pos = r + 1;
        return new PdfRef(num, gen);
      }
    }
    this.pos = afterNum;
    return num;
  }

  private parseName(): PdfName {
    const b = this.bytes;
    this.pos++;
    const start = this.pos;
    while (this.pos < this.end && isRegular(b[this.pos])) {
      this.pos++;
    }
    let raw = latin1(b, start, this.pos);
    if (raw.includes('#')) {
      // §7.3.5: #xx escapes
      raw = raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
    return PdfName.of(raw);
  }

  private parseDictionary(depth: number): PdfDict | PdfStream {
    const b = this.bytes;
    this.pos += 2;
    const result = new PdfDict();
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.end) {
        throw malformed('unterminated dictionary');
      }
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return result;
      }
      if (b[this.pos] !== 0x2f) {
        throw malformed(`dictionary key expected at offset ${this.pos}`);
      }
      const key = this.parseName();
      const value = this.parseObject(depth + 1);
      // §7.3.7: a null value is the same as an absent entry.
      if (value !== null) {
        result.set(key.value, value);
      }
    }
  }

  private parseHexString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const digits: number[] = [];
    for (;;) {
      if (this.pos >= this.end) {
        throw malformed('unterminated hex string');
      }
      const c = b[this.pos++]!;
      if (c === 0x3e) {
        break;
      }
      const v = hexValue(c);
      if (v >= 0) {
        digits.push(v);
      } else if (!isWhitespace(c)) {
        throw malformed(`bad character in hex string at offset ${this.pos - 1}`);
      }
    }
    const out = new Uint8Array((digits.length + 1) >> 1);
    for (let i = 0; i < digits.length; i += 2) {
      out[i >> 1] = (digits[i]! << 4) | (digits[i + 1] ?? 0);
    }
    return new PdfString(out, true);
  }

  private parseLiteralString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let nesting = 1;
    for (;;) {
      if (this.pos >= this.end) {
        throw malformed('unterminated literal string');
      }
      const c = b[this.pos++]!;
      if (c === 0x28) {
        nesting++;
      } else if (c === 0x29) {
        nesting--;
        if (nesting === 0) {
          break;
        }
      } else if (c === 0x5c) {
        // §7.3.4.2 escapes
        const e = b[this.pos++];
        if (e === undefined) {
          throw malformed('unterminated literal string');
        }
        const simple: Record<number, number> = {
          110: 10,
          114: 13,
          116: 9,
          98: 8,
          102: 12,
          40: 40,
          41: 41,
          92: 92,
        };
        if (simple[e] !== undefined) {
          out.push(simple[e]);
        } else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) {
            v = v * 8 + (b[this.pos++]! - 0x30);
          }
          out.push(v & 0xff);
        } else if (e === 13) {
          if (b[this.pos] === 10) {
            this.pos++;
          }
        } else if (e !== 10) {
          out.push(e);
        }
        continue;
      }
      out.push(c);
    }
    return new PdfString(Uint8Array.from(out));
  }

  /**
   * Parses `N G obj <object> [stream ... endstream] endobj` at the current position (§7.3.10, §7.3.8).
   * Returns the object with its number and generation.
   */
  parseIndirectObject(resolveLength: LengthResolver): { num: number; gen: number; value: PdfObject } {
    const num = this.readInteger();
    const gen = this.readInteger();
    this.expectKeyword('obj');
    const value = this.parseObject();
    if (value instanceof PdfDict) {
      const save = this.pos;
      if (this.readToken() === 'stream') {
        return { num, gen, value: this.parseStreamBody(value, resolveLength) };
      }
      this.pos = save;
    }
    return { num, gen, value };
  }

  private parseStreamBody(streamDict: PdfDict, resolveLength: LengthResolver): PdfStream {
    const b = this.bytes;
    // §7.3.8.1: `stream` is followed by CRLF or LF (tolerate a lone CR).
    if (b[this.pos] === 13 && b[this.pos + 1] === 10) {
      this.pos += 2;
    } else if (b[this.pos] === 10 || b[this.pos] === 13) {
      this.pos++;
    }
    const start = this.pos;
    const lengthValue = streamDict.get('Length');
    let length: number | undefined;
    if (typeof lengthValue === 'number') {
      length = lengthValue;
    } else if (lengthValue instanceof PdfRef) {
      length = resolveLength(lengthValue);
    }
    if (length !== undefined && Number.isInteger(length) && length >= 0 && start + length <= this.end) {
      const after = new Parser(b, start + length, this.end);
      if (after.readToken() === 'endstream') {
        this.pos = after.pos;
        return new PdfStream(streamDict, b.subarray(start, start + length));
      }
    }
    // Wrong or missing /Length: the data ends before the next `endstream`.
    const at = indexOf(b, ENDSTREAM, start, this.end);
    if (at < 0) {
      throw malformed('stream without endstream');
    }
    let stop = at;
    if (b[stop - 1] === 10) {
      stop--;
    }
    if (b[stop - 1] === 13) {
      stop--;
    }
    this.pos = at + ENDSTREAM.length;
    return new PdfStream(streamDict, b.subarray(start, Math.max(start, stop)));
  }
}

/** The value of a hexadecimal digit (§7.3.4.3), or -1. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) {
    return c - 0x30;
  }
  if (c >= 0x41 && c <= 0x46) {
    return c - 0x37;
  }
  if (c >= 0x61 && c <= 0x66) {
    return c - 0x57;
  }
  return -1;
}
