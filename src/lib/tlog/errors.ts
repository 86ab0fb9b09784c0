// The closed set of failures of the transparency-log library. It knows nothing of HTTP or the database:
// callers translate a TlogError into their own errors.

export type TlogErrorCode =
  /** An index or tree size outside what the operation allows (index ≥ size, old size > new size). */
  | 'INVALID_RANGE'
  /** A Merkle proof that is malformed (wrong length) or does not lead to the expected root. */
  | 'INVALID_PROOF'
  /** A hash that is not 32 bytes, or base64 that does not decode to one. */
  | 'MALFORMED_HASH'
  /** A tile path that does not follow C2SP tlog-tiles, or tile data that is not whole hashes. */
  | 'MALFORMED_TILE'
  /** A hash reader could not supply a hash the operation needs (a tile is missing or too short). */
  | 'MISSING_HASH'
  /** A signer or verifier key string that cannot be parsed (name, key id, algorithm or length). */
  | 'MALFORMED_KEY'
  /** Text that is not a signed note per C2SP signed-note. */
  | 'MALFORMED_NOTE'
  /** A signature by a known key that does not verify: the whole note is rejected (signed-note §Signatures). */
  | 'INVALID_SIGNATURE'
  /** No signature by any known key: the note must be rejected (signed-note §Signatures). */
  | 'UNVERIFIED_NOTE'
  /** A note body that is not a checkpoint per C2SP tlog-checkpoint, or an unexpected origin. */
  | 'MALFORMED_CHECKPOINT'
  /** A proof file that does not follow C2SP tlog-proof. */
  | 'MALFORMED_TLOG_PROOF'
  /** A witness request or response that does not follow C2SP tlog-witness. */
  | 'MALFORMED_WITNESS_MESSAGE';

export class TlogError extends Error {
  readonly code: TlogErrorCode;

  constructor(code: TlogErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TlogError';
    this.code = code;
  }
}

export function isTlogError(error: unknown, code?: TlogErrorCode): error is TlogError {
  return error instanceof TlogError && (code === undefined || error.code === code);
}
