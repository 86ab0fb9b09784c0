/** Writes PDF objects in their canonical syntax (ISO 32000-2 §7.3). */
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from './objects.ts';

/**
 * Collects output; strings are written as Latin-1 bytes (PDF syntax is bytes, not text). Consecutive text
 * is joined and converted once, not token by token: signing writes a few hundred tokens per signature.
 */
export class ByteWriter {
  private readonly chunks: Uint8Array[] = [];
  private pending = '';
  length = 0;

  text(value: string): this {
    this.pending += value;
    this.length += value.length; // Latin-1: one byte per UTF-16 unit
    return this;
  }

  bytes(value: Uint8Array): this {
    this.flush();
    this.chunks.push(value);
    this.length += value.length;
    return this;
  }

  object(value: PdfObject): this {
    writeObject(this, value);
    return this;
  }

  toBuffer(prefix?: Uint8Array): Buffer {
    this.flush();
    const total = (prefix?.length ?? 0) + this.length;
    const out = Buffer.allocUnsafe(total);
    let at = 0;
    if (prefix) {
      out.set(prefix, 0);
      at = prefix.length;
    }
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private flush(): void {
    if (this.pending.length > 0) {
      this.chunks.push(Buffer.from(this.pending, 'latin1'));
      this.pending = '';
    }
  }
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) {
    return String(value);
  }
  // §7.3.3: no exponent form; 6 decimals are well within the precision readers keep.
  const fixed = value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export function formatName(value: string): string {
  let out = '/';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // §7.3.5: characters outside ! .. ~, delimiters and # are written as #xx.
    if (c < 0x21 || c > 0x7e || '()<>[]{}/%#'.includes(value[i]!)) {
      out += `#${c.toString(16).padStart(2, '0')}`;
    } else {
      out += value[i];
    }
  }
  return out;
}

function writeString(w: ByteWriter, s: PdfString): void {
  if (s.isHex) {
    w.text(`<${Buffer.from(s.bytes).toString('hex')}>`);
    return;
  }
  let out = '(';
  for (const c of s.bytes) {
    if (c === 0x28 || c === 0x29 || c === 0x5c) {
      out += `\\${String.fromCharCode(c)}`;
    } else if (c < 0x20 || c > 0x7e) {
      out += `\\${c.toString(8).padStart(3, '0')}`;
    } else {
      out += String.fromCharCode(c);
    }
  }
  w.text(`${out})`);
}

function writeObject(w: ByteWriter, value: PdfObject): void {
  if (value === null) {
    w.text('null');
  } else if (typeof value === 'boolean') {
    w.text(value ? 'true' : 'false');
  } else if (typeof value === 'number') {
    w.text(formatNumber(value));
  } else if (value instanceof PdfName) {
    w.text(formatName(value.value));
  } else if (value instanceof PdfString) {
    writeString(w, value);
  } else if (value instanceof PdfRef) {
    w.text(`${value.num} ${value.gen} R`);
  } else if (Array.isArray(value)) {
    w.text('[');
    value.forEach((item, i) => {
      if (i > 0) {
        w.text(' ');
      }
      writeObject(w, item);
    });
    w.text(']');
  } else if (value instanceof PdfDict) {
    w.text('<<');
    for (const [key, item] of value.map) {
      w.text(`${formatName(key)} `);
      writeObject(w, item);
    }
    w.text('>>');
  } else if (value instanceof PdfStream) {
    const d = value.dict.clone().set('Length', value.data.length);
    writeObject(w, d);
    w.text('\nstream\n').bytes(value.data).text('\nendstream');
  }
}
