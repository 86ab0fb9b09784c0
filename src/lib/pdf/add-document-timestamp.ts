/**
 * PAdES B-LTA (ETSI EN 319 142-1 §5.4.3): an incremental update with a document timestamp, a signature
 * dictionary of /Type /DocTimeStamp and /SubFilter /ETSI.RFC3161 whose /Contents is an RFC 3161
 * TimeStampToken over the SHA-256 of the ByteRange bytes.
 */
import { createHash } from 'node:crypto';
import { embedPdfSignature } from './embed-signature.ts';
import { PdfError } from './errors.ts';
import { preparePdfSignature } from './prepare-signature.ts';

/** Returns a DER TimeStampToken (ContentInfo) over the given SHA-256 digest (RFC 3161 §2.4.2). */
export type TimestampCallback = (digest: Uint8Array) => Promise<Uint8Array>;

export interface DocumentTimestampOptions {
  fieldName?: string;
  /** Bytes reserved for the token; by default one probe token is requested to learn its size. */
  tokenSize?: number;
}

export async function addPdfDocumentTimestamp(
  pdf: Uint8Array,
  timestamp: TimestampCallback,
  options: DocumentTimestampOptions = {},
): Promise<Uint8Array> {
  const size = options.tokenSize ?? (await probeTimestampSize(timestamp));
  const prepared = await preparePdfSignature(pdf, {
    contentsSize: size,
    subFilter: 'ETSI.RFC3161',
    ...(options.fieldName === undefined ? {} : { fieldName: options.fieldName }),
  });
  const token = await callTimestamp(timestamp, prepared.digest);
  return embedPdfSignature(prepared, token);
}

/** Learns the token size with one request over a throw-away digest, plus room for longer serials. */
export async function probeTimestampSize(timestamp: TimestampCallback): Promise<number> {
  const probe = await callTimestamp(timestamp, createHash('sha256').update('xaso size probe').digest());
  return probe.length + 64;
}

export async function callTimestamp(timestamp: TimestampCallback, digest: Uint8Array): Promise<Uint8Array> {
  try {
    return await timestamp(digest);
  } catch (error) {
    throw new PdfError('SIGNING_FAILED', 'the timestamp authority did not answer with a token', {
      cause: error,
    });
  }
}
