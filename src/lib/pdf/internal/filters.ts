/**
 * Stream decoding (ISO 32000-2 §7.4): FlateDecode with PNG/TIFF predictors (§7.4.4.4), enough for
 * cross-reference streams, object streams and the content xaso itself reads. Other filters → UNSUPPORTED.
 */
import { inflateSync } from 'node:zlib';
import { PdfError } from '../errors.ts';
import { malformed } from './lexer.ts';
import { isName, PdfDict, type PdfObject, type PdfStream } from './objects.ts';

const MAX_DECODED = 256 * 1024 * 1024;

export function decodeStream(stream: PdfStream): Uint8Array {
  const filter = stream.dict.get('Filter');
  const parms = stream.dict.get('DecodeParms');
  const filters: PdfObject[] = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  const parmsList: PdfObject[] = Array.isArray(parms) ? parms : [parms ?? null];
  let data = stream.data;
  filters.forEach((f, i) => {
    const p = parmsList[i];
    if (isName(f, 'FlateDecode') || isName(f, 'Fl')) {
      data = inflate(data);
      if (p instanceof PdfDict) {
        data = unpredict(data, p);
      }
    } else {
      throw new PdfError(
        'UNSUPPORTED',
        `stream filter ${f instanceof Object && 'value' in f ? f.value : '?'}`,
      );
    }
  });
  return data;
}

function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: MAX_DECODED, finishFlush: 2 /* Z_SYNC_FLUSH */ });
  } catch (error) {
    throw malformed('corrupt FlateDecode stream', error);
  }
}

function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
  const predictor = num(parms.get('Predictor'), 1);
  if (predictor === 1) {
    return data;
  }
  const colors = num(parms.get('Colors'), 1);
  const bpc = num(parms.get('BitsPerComponent'), 8);
  const columns = num(parms.get('Columns'), 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLength = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) {
      throw new PdfError('UNSUPPORTED', 'TIFF predictor with BitsPerComponent ≠ 8');
    }
    const out = Uint8Array.from(data);
    for (let row = 0; row + rowLength <= out.length; row += rowLength) {
      for (let i = bpp; i < rowLength; i++) {
        out[row + i] = (out[row + i]! + out[row + i - bpp]!) & 0xff;
      }
    }
    return out;
  }
  return unfilterPng(data, rowLength, bpp);
}

/** PNG row filters (RFC 2083 §6): each row starts with a filter-type byte. */
export function unfilterPng(data: Uint8Array, rowLength: number, bpp: number): Uint8Array {
  if (rowLength <= 0) {
    throw malformed('bad predictor columns');
  }
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    const prev = dst - rowLength;
    for (let i = 0; i < rowLength; i++) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const b = r > 0 ? out[prev + i]! : 0;
      const c = r > 0 && i >= bpp ? out[prev + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + b;
          break;
        case 3:
          v = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw malformed(`bad PNG filter type ${type}`);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function num(value: PdfObject | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
