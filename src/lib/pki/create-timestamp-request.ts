/**
 * TimeStampReq (RFC 3161 §2.4.1) over a SHA-256 digest, with a random 64-bit nonce and certReq TRUE so
 * the token carries the TSA certificate (needed to validate it later without the TSA at hand).
 */
import { randomBytes } from 'node:crypto';
import { PkiError } from './errors.ts';
import { sha256AlgorithmIdentifier } from './internal/algorithms.ts';
import { boolean, integer, objectIdentifier, octetString, sequence } from './internal/der.ts';

export interface TimestampRequestOptions {
  /** A specific TSA policy (reqPolicy); default: the TSA's own. */
  readonly policy?: string;
  /** Default: a random 64-bit nonce; `false` for none. */
  readonly nonce?: bigint | false;
  /** Default true. */
  readonly certReq?: boolean;
}

export function createTimestampRequest(
  digest: Uint8Array,
  options: TimestampRequestOptions = {},
): Uint8Array {
  if (digest.length !== 32) {
    throw new PkiError('INVALID_ARGUMENT', 'the digest must be a 32-byte SHA-256 digest');
  }
  const nonce =
    options.nonce === false
      ? undefined
      : (options.nonce ?? BigInt(`0x${randomBytes(8).toString('hex')}`) | 1n);
  return sequence(
    integer(1),
    sequence(sha256AlgorithmIdentifier(), octetString(digest)),
    ...(options.policy ? [objectIdentifier(options.policy)] : []),
    ...(nonce === undefined ? [] : [integer(nonce)]),
    ...((options.certReq ?? true) ? [boolean(true)] : []),
  );
}
