/** Calling an RFC 3161 client (a TSA over HTTP, or an in-process authority) on behalf of signing. */
import { createHash } from 'node:crypto';
import { PdfError } from '../errors.ts';

/** Returns a DER TimeStampToken (ContentInfo) over the given SHA-256 digest (RFC 3161 §2.4.2). */
export type TimestampCallback = (digest: Uint8Array) => Promise<Uint8Array>;

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
