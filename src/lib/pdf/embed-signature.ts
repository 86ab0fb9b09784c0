/**
 * Second pass of PAdES signing: writes the DER CMS (or RFC 3161 token) as hex into the /Contents
 * placeholder, zero-padded (ISO 32000-2 §12.8.1). Nothing else changes, so the digest stays valid.
 */
import { PdfError } from './errors.ts';
import type { PreparedPdfSignature } from './prepare-signature.ts';

export function embedPdfSignature(prepared: PreparedPdfSignature, cms: Uint8Array): Uint8Array {
  if (cms.length === 0) {
    throw new PdfError('INVALID_ARGUMENT', 'the CMS signature is empty');
  }
  if (cms.length > prepared.contentsSize) {
    throw new PdfError(
      'SIGNATURE_TOO_LARGE',
      `the CMS signature needs ${cms.length} bytes, the placeholder holds ${prepared.contentsSize}`,
    );
  }
  const bytes = prepared.bytes;
  const at = prepared.byteRange[1] + 1; // after '<'
  const out = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (out[at - 1] !== 0x3c || out[prepared.byteRange[2] - 1] !== 0x3e) {
    throw new PdfError('INVALID_ARGUMENT', 'the prepared bytes do not hold a /Contents placeholder');
  }
  out.write(Buffer.from(cms).toString('hex'), at, 'latin1');
  return bytes;
}
