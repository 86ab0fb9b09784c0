// Uploads are PDF, JPEG or PNG only (issue 6 §3), judged by their content, never by name or declared type:
// the magic bytes pick the format, then a structural parse check refuses truncated or disguised files.
import { AppError } from '../../platform/errors.ts';
import type { StoredFile } from './dossier.table.ts';

export type UploadMediaType = StoredFile['mediaType'];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** PNG (RFC 2083 §3): signature, IHDR first, every chunk's CRC right, ending with IEND. */
function isWellFormedPng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let isFirst = true;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length || (isFirst && (type !== 'IHDR' || length !== 13))) {
      return false;
    }
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      return false;
    }
    if (type === 'IEND') {
      return true;
    }
    isFirst = false;
    offset = end;
  }
  return false;
}

/** JPEG (ITU-T T.81 Annex B): SOI, marker segments whose lengths stay inside the file up to SOS, EOI at the end. */
function isWellFormedJpeg(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) {
    return false;
  }
  let offset = 2;
  let hasFrame = false;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) {
      return false;
    }
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (length < 2 || offset + 2 + length > bytes.length) {
      return false;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      hasFrame = true;
    }
    if (marker === 0xda) {
      return hasFrame;
    }
    offset += 2 + length;
  }
  return false;
}

/**
 * PDF (ISO 32000-1 §7.5): `%PDF-1.x` header, and a trailer within the last 1 KiB: `startxref`, a byte
 * offset inside the file pointing at `xref` or an object (`n g obj`, a cross-reference stream), then `%%EOF`.
 * A truncated file loses its trailer and fails here.
 */
function isWellFormedPdf(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) {
    return false;
  }
  const offset = Number(match[1]);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= bytes.length) {
    return false;
  }
  const at = Buffer.from(bytes.subarray(offset, offset + 32)).toString('latin1');
  return at.startsWith('xref') || /^\d+\s+\d+\s+obj\b/.test(at);
}

/**
 * The media type of an upload, or an AppError UNSUPPORTED_MEDIA_TYPE (415) with a Vietnamese message
 * naming the file when it is none of PDF, JPEG, PNG or is malformed.
 */
export function checkUpload(bytes: Uint8Array, label: string): UploadMediaType {
  let mediaType: UploadMediaType | undefined;
  let isWellFormed = false;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    mediaType = 'application/pdf';
    isWellFormed = isWellFormedPdf(bytes);
  } else if (startsWith(bytes, PNG_SIGNATURE)) {
    mediaType = 'image/png';
    isWellFormed = isWellFormedPng(bytes);
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    mediaType = 'image/jpeg';
    isWellFormed = isWellFormedJpeg(bytes);
  }
  if (!mediaType) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Tệp "${label}" không phải PDF, JPEG hoặc PNG. Chỉ nhận tệp PDF, JPEG, PNG.`,
      { fields: { [label]: 'uploadType' } },
    );
  }
  if (!isWellFormed) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Tệp "${label}" bị hỏng hoặc không đầy đủ (không đọc được ${mediaType === 'application/pdf' ? 'PDF' : mediaType === 'image/png' ? 'PNG' : 'JPEG'}). Vui lòng quét hoặc tải lại.`,
      { fields: { [label]: 'uploadBroken' } },
    );
  }
  return mediaType;
}

/** Per file and per dossier upload limits (bytes). */
export interface UploadLimits {
  readonly maxFileBytes: number;
  readonly maxDossierBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxDossierBytes: 30 * 1024 * 1024,
};

export function checkUploadSizes(
  files: readonly { bytes: Uint8Array; label: string }[],
  limits: UploadLimits,
): void {
  let total = 0;
  for (const file of files) {
    if (file.bytes.byteLength > limits.maxFileBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Tệp "${file.label}" quá lớn: tối đa ${Math.floor(limits.maxFileBytes / 1048576)} MB mỗi tệp.`,
        { fields: { [file.label]: 'uploadTooLarge' } },
      );
    }
    total += file.bytes.byteLength;
  }
  if (total > limits.maxDossierBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tổng dung lượng tệp của hồ sơ quá lớn: tối đa ${Math.floor(limits.maxDossierBytes / 1048576)} MB.`,
    );
  }
}
