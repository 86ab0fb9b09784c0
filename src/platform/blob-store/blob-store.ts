// Content-addressed storage of uploaded files (issue 6 §3 "Uploads"): each file is stored once under its
// SHA-256. The file system implementation is the first; an S3-compatible store comes later behind the same
// interface.

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the bytes: the blob's name. */
  readonly sha256: string;
  readonly size: number;
}

export interface BlobStore {
  /** Stores the bytes (once: storing the same bytes again is a no-op) and returns their name. */
  put(bytes: Uint8Array): Promise<StoredBlob>;
  /** The bytes, or undefined when no blob has that name. */
  get(sha256: string): Promise<Uint8Array | undefined>;
  has(sha256: string): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
