/**
 * The lexical layer of PDF syntax (ISO 32000-2 §7.2): character classes, comments, tokens (keywords and
 * numbers), and the byte helpers the reader shares. The object parser (parser.ts) builds on it.
 * Robust on garbage: every loop advances, and any problem throws PdfError 'MALFORMED'.
 */
import { PdfError } from '../errors.ts';

// §7.2.3 white-space characters and §7.2.4 delimiters.
const WHITESPACE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) {
  WHITESPACE[c] = 1;
}
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') {
  DELIMITER[c.charCodeAt(0)] = 1;
}

export function isWhitespace(c: number | undefined): boolean {
  return c !== undefined && WHITESPACE[c] === 1;
}

export function isDelimiter(c: number | undefined): boolean {
  return c !== undefined && DELIMITER[c] === 1;
}

export function isRegular(c: number | undefined): boolean {
  return c !== undefined && WHITESPACE[c] === 0 && DELIMITER[c] === 0;
}

export function malformed(message: string, cause?: unknown): PdfError {
  return new PdfError('MALFORMED', message, cause === undefined ? undefined : { cause });
}

/** A position in `bytes[.., end)` and the token reading of §7.2: white space and comments skipped. */
export class Lexer {
  readonly bytes: Uint8Array;
  pos: number;
  protected readonly end: number;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }

  skipWhitespace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (WHITESPACE[c] === 1) {
        this.pos++;
      } else if (c === 0x25) {
        // comment to end of line
        while (this.pos < this.end && b[this.pos] !== 10 && b[this.pos] !== 13) {
          this.pos++;
        }
      } else {
        return;
      }
    }
  }

  /** Reads a run of regular characters (a keyword or number), after skipping white space. */
  readToken(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.end && isRegular(this.bytes[this.pos])) {
      this.pos++;
    }
    return latin1(this.bytes, start, this.pos);
  }

  peekToken(): string {
    const save = this.pos;
    const token = this.readToken();
    this.pos = save;
    return token;
  }

  expectKeyword(keyword: string): void {
    const token = this.readToken();
    if (token !== keyword) {
      throw malformed(`expected '${keyword}' at offset ${this.pos}, found '${token.slice(0, 20)}'`);
    }
  }

  readInteger(): number {
    const token = this.readToken();
    if (!/^[+-]?\d{1,15}$/.test(token)) {
      throw malformed(`expected an integer at offset ${this.pos}`);
    }
    return Number(token);
  }
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  const stop = Math.min(end, bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, stop - start)).toString('latin1');
}

/** First index of the ASCII `needle` in `haystack[from, to)`, or -1. */
export function indexOf(haystack: Uint8Array, needle: string, from = 0, to = haystack.length): number {
  const view = Buffer.from(haystack.buffer, haystack.byteOffset, Math.min(to, haystack.length));
  return view.indexOf(needle, from, 'latin1');
}

/** Last index of the ASCII `needle` in `haystack` starting at or before `from`, or -1. */
export function lastIndexOf(haystack: Uint8Array, needle: string, from = haystack.length): number {
  const view = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length);
  return view.lastIndexOf(needle, from, 'latin1');
}
