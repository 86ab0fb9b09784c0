// The scan rules for electronic certified copies (shared/DOMAIN.md "Certification at the commune"): colour,
// at least 200 dpi. Checked on image scans from what the file declares (JPEG: JFIF density and the frame's
// colour components; PNG: pHYs and the colour type); a density the file does not declare is not guessed.
// A PDF scan is judged by the image of each page (the largest drawn there, read with src/lib/pdf): its
// colour space and its pixels over the size it is drawn at; a page without images (a document made on a
// computer) and content the library cannot decode are not judged.
import { readPdfPageImages } from '../../lib/pdf/index.ts';
import { AppError } from '../../platform/errors.ts';

export const MIN_SCAN_DPI = 200;

interface ImageFacts {
  /** Declared dots per inch, or undefined when the file does not say. */
  readonly dpi: number | undefined;
  readonly isColour: boolean;
}

function jpegFacts(bytes: Uint8Array): ImageFacts {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let dpi: number | undefined;
  let isColour = true;
  let at = 2;
  while (at + 4 <= view.length && view[at] === 0xff) {
    const marker = view[at + 1] ?? 0;
    const length = view.readUInt16BE(at + 2);
    if (marker === 0xe0 && view.toString('latin1', at + 4, at + 9) === 'JFIF\0' && at + 16 <= view.length) {
      const units = view[at + 11];
      const density = Math.min(view.readUInt16BE(at + 12), view.readUInt16BE(at + 14));
      dpi = units === 1 ? density : units === 2 ? density * 2.54 : undefined;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && at + 9 < view.length) {
      isColour = (view[at + 9] ?? 0) >= 3;
    }
    if (marker === 0xda) {
      break;
    }
    at += 2 + length;
  }
  return { dpi, isColour };
}

function pngFacts(bytes: Uint8Array): ImageFacts {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Colour types 2 (RGB), 3 (palette), 6 (RGBA) are colour; 0 and 4 are grey.
  const colourType = view[25] ?? 0;
  let dpi: number | undefined;
  let at = 8;
  while (at + 8 <= view.length) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && at + 17 <= view.length && view[at + 16] === 1) {
      dpi = (Math.min(view.readUInt32BE(at + 8), view.readUInt32BE(at + 12)) * 254) / 10_000;
    }
    if (type === 'IDAT' || type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  return { dpi, isColour: colourType === 2 || colourType === 3 || colourType === 6 };
}

/** @throws AppError VALIDATION_FAILED (`original`: scanGrey, scanResolution) */
export function checkImageScan(bytes: Uint8Array, kind: 'jpeg' | 'png'): void {
  const facts = kind === 'jpeg' ? jpegFacts(bytes) : pngFacts(bytes);
  if (!facts.isColour) {
    throw new AppError('VALIDATION_FAILED', 'Scans of originals are in colour.', {
      fields: { original: 'scanGrey' },
    });
  }
  if (facts.dpi !== undefined && facts.dpi < MIN_SCAN_DPI - 0.5) {
    throw new AppError('VALIDATION_FAILED', `Scans are at least ${MIN_SCAN_DPI} dpi.`, {
      fields: { original: 'scanResolution' },
    });
  }
}

/** @throws AppError VALIDATION_FAILED (`original`: scanPdfGrey, scanPdfResolution), naming the page */
export function checkPdfScan(bytes: Uint8Array): void {
  let pages: ReturnType<typeof readPdfPageImages>;
  try {
    pages = readPdfPageImages(bytes);
  } catch {
    return;
  }
  for (const { page, images } of pages) {
    const scan = images
      .filter((i) => i.drawnWidth > 0 && i.drawnHeight > 0)
      .sort((a, b) => b.drawnWidth * b.drawnHeight - a.drawnWidth * a.drawnHeight)[0];
    if (!scan) {
      continue;
    }
    if (scan.components !== undefined && scan.components < 3) {
      throw new AppError('VALIDATION_FAILED', `Page ${page}: the scanned image is not in colour.`, {
        fields: { original: 'scanPdfGrey' },
      });
    }
    const dpi = Math.min(
      scan.pixelWidth / (scan.drawnWidth / 72),
      scan.pixelHeight / (scan.drawnHeight / 72),
    );
    if (dpi < MIN_SCAN_DPI - 0.5) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Page ${page}: the scanned image is ${Math.round(dpi)} dpi; scans are at least ${MIN_SCAN_DPI} dpi.`,
        { fields: { original: 'scanPdfResolution' } },
      );
    }
  }
}
