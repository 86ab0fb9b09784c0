/**
 * Reads a PNG (RFC 2083 / W3C PNG) into an image XObject (ISO 32000-2 §8.9.5) and, when it has
 * transparency, a /SMask soft mask (§11.6.5.3): seal and handwritten-signature images are transparent PNGs
 * (Decree 30/2020 Appendix I). 8-bit greyscale, RGB, palette, grey+alpha and RGBA, not interlaced.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PdfError } from '../errors.ts';
import type { DocumentEdit } from './edit.ts';
import { unfilterPng } from './filters.ts';
import { dict, name, type PdfRef, PdfStream } from './objects.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface DecodedImage {
  width: number;
  height: number;
  colors: 1 | 3;
  pixels: Uint8Array;
  alpha: Uint8Array | undefined;
}

function bad(message: string): PdfError {
  return new PdfError('INVALID_ARGUMENT', `bad PNG image: ${message}`);
}

export function decodePng(png: Uint8Array): DecodedImage {
  if (png.length < 33 || !SIGNATURE.every((b, i) => png[i] === b)) {
    throw bad('no PNG signature');
  }
  const view = Buffer.from(png.buffer, png.byteOffset, png.length);
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = -1;
  let interlace = 0;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= view.length) {
    const length = view.readUInt32BE(pos);
    const type = view.toString('latin1', pos + 4, pos + 8);
    const data = view.subarray(pos + 8, pos + 8 + length);
    if (data.length !== length) {
      throw bad('truncated chunk');
    }
    pos += 12 + length;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'tRNS') {
      transparency = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
  }
  if (depth !== 8 || interlace !== 0 || ![0, 2, 3, 4, 6].includes(colorType)) {
    throw new PdfError('UNSUPPORTED', 'PNG images must be 8-bit, not interlaced');
  }
  if (width < 1 || height < 1 || width * height > 16_000_000) {
    throw bad('size out of range');
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType as 0 | 2 | 3 | 4 | 6];
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (error) {
    throw new PdfError('INVALID_ARGUMENT', 'bad PNG image: corrupt data', { cause: error });
  }
  const samples = unfilterPng(raw, width * channels, channels);
  if (samples.length < width * height * channels) {
    throw bad('not enough image data');
  }
  const count = width * height;
  const colors: 1 | 3 = colorType === 0 || colorType === 4 ? 1 : 3;
  const pixels = new Uint8Array(count * colors);
  let alpha: Uint8Array | undefined;
  if (colorType === 4 || colorType === 6 || (colorType === 3 && transparency)) {
    alpha = new Uint8Array(count);
  }
  for (let i = 0; i < count; i++) {
    if (colorType === 3) {
      const index = samples[i]!;
      if (!palette || index * 3 + 2 >= palette.length) {
        throw bad('palette index out of range');
      }
      pixels.set(palette.subarray(index * 3, index * 3 + 3), i * 3);
      if (alpha) {
        alpha[i] = transparency![index] ?? 255;
      }
    } else {
      const at = i * channels;
      for (let c = 0; c < colors; c++) {
        pixels[i * colors + c] = samples[at + c]!;
      }
      if (alpha) {
        alpha[i] = samples[at + channels - 1]!;
      }
    }
  }
  return { width, height, colors, pixels, alpha };
}

export function embedPng(
  edit: DocumentEdit,
  png: Uint8Array,
): { ref: PdfRef; width: number; height: number } {
  const image = decodePng(png);
  const smask = image.alpha
    ? edit.add(
        new PdfStream(
          dict({
            Type: name('XObject'),
            Subtype: name('Image'),
            Width: image.width,
            Height: image.height,
            ColorSpace: name('DeviceGray'),
            BitsPerComponent: 8,
            Filter: name('FlateDecode'),
          }),
          deflateSync(image.alpha),
        ),
      )
    : undefined;
  const ref = edit.add(
    new PdfStream(
      dict({
        Type: name('XObject'),
        Subtype: name('Image'),
        Width: image.width,
        Height: image.height,
        ColorSpace: name(image.colors === 3 ? 'DeviceRGB' : 'DeviceGray'),
        BitsPerComponent: 8,
        Filter: name('FlateDecode'),
        SMask: smask,
      }),
      deflateSync(image.pixels),
    ),
  );
  return { ref, width: image.width, height: image.height };
}
