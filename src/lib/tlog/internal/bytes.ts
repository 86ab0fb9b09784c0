import { timingSafeEqual } from 'node:crypto';
import { TlogError } from '../errors.ts';
import { HASH_SIZE } from './sha256.ts';

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertHash(name: string, value: Uint8Array): void {
  if (!(value instanceof Uint8Array) || value.length !== HASH_SIZE) {
    throw new TlogError('MALFORMED_HASH', `${name} must be a 32-byte SHA-256 hash`);
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64 (RFC 4648 §4): canonical padding, no whitespace. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function decodeHash(text: string, what: string): Uint8Array {
  const bytes = decodeBase64(text);
  if (!bytes || bytes.length !== HASH_SIZE) {
    throw new TlogError('MALFORMED_HASH', `${what} is not a base64 SHA-256 hash`);
  }
  return bytes;
}

/** A decimal without leading zeroes (tlog-checkpoint, tlog-proof, tlog-witness), as a safe integer. */
export function parseDecimal(text: string): number | undefined {
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
