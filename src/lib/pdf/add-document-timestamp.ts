/**
 * PAdES B-LTA (ETSI EN 319 142-1 §5.4.3): an incremental update with a document timestamp, a signature
 * dictionary of /Type /DocTimeStamp and /SubFilter /ETSI.RFC3161 whose /Contents is an RFC 3161
 * TimeStampToken over the SHA-256 of the ByteRange bytes.
 */
import { embedPdfSignature } from './embed-signature.ts';
import { callTimestamp, probeTimestampSize, type TimestampCallback } from './internal/timestamp.ts';
import { preparePdfSignature } from './prepare-signature.ts';

export type { TimestampCallback } from './internal/timestamp.ts';

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
