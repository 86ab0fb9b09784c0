// C2SP signed-note keys, Ed25519 only (signature type 0x01). Key ID = SHA-256(name || 0x0A || 0x01 ||
// public key)[:4] (signed-note §Signatures). The string encodings are those of the Go checksum database
// (golang.org/x/mod/sumdb/note), which the public witness network uses:
//   verifier key  <name>+<key id hex>+base64(0x01 || public key)
//   signer key    PRIVATE+KEY+<name>+<key id hex>+base64(0x01 || seed)

import type { KeyObject } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { TlogError } from './errors.ts';
import { decodeBase64, encodeBase64 } from './internal/bytes.ts';
import {
  ed25519Sign,
  ed25519Verify,
  privateKeyFromSeed,
  publicKeyFromRaw,
  rawPublicKey,
} from './internal/ed25519.ts';
import { sha256 } from './internal/sha256.ts';

export const ED25519_TYPE = 0x01;

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** The verifier key string (published at /log/verifier-key). */
  readonly verifierKey: string;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
  /** @internal */
  readonly publicKey: KeyObject;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly verifierKey: string;
  sign(message: Uint8Array): Uint8Array;
  /** @internal */
  readonly privateKey: KeyObject;
}

/** Key names are non-empty, without Unicode spaces or `+` (signed-note §Format). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

export function computeKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const input = Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKey]);
  return Buffer.from(sha256(input)).readUInt32BE(0);
}

const hex8 = (id: number) => id.toString(16).padStart(8, '0');

function malformed(what: string): TlogError {
  return new TlogError('MALFORMED_KEY', `malformed ${what}`);
}

/** Splits on the first two `+` only: base64 may itself contain `+`. */
function splitKey(text: string): [string, string, string] | undefined {
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) {
    return undefined;
  }
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
}

export function parseKeyString(
  text: string,
  what: string,
  type = ED25519_TYPE,
): { name: string; keyId: number; key: Uint8Array } {
  const parts = splitKey(text);
  if (!parts) {
    throw malformed(what);
  }
  const [name, idHex, encoded] = parts;
  const bytes = decodeBase64(encoded);
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex) || !bytes || bytes.length !== 33) {
    throw malformed(what);
  }
  if (bytes[0] !== type) {
    throw new TlogError('MALFORMED_KEY', `${what}: unsupported signature type ${bytes[0]}`);
  }
  return { name, keyId: Number.parseInt(idHex, 16), key: bytes.subarray(1) };
}

export function parseVerifierKey(verifierKey: string): NoteVerifier {
  const { name, keyId, key } = parseKeyString(verifierKey, 'verifier key');
  if (computeKeyId(name, ED25519_TYPE, key) !== keyId) {
    throw new TlogError('MALFORMED_KEY', 'verifier key: the key id does not match the key');
  }
  const publicKey = publicKeyFromRaw(key);
  return {
    name,
    keyId,
    verifierKey,
    publicKey,
    verify: (message, signature) => ed25519Verify(publicKey, message, signature),
  };
}

function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const id = computeKeyId(name, ED25519_TYPE, publicKey);
  return `${name}+${hex8(id)}+${encodeBase64(Buffer.concat([Buffer.from([ED25519_TYPE]), publicKey]))}`;
}

export function parseSignerKey(signerKey: string): NoteSigner {
  if (!signerKey.startsWith('PRIVATE+KEY+')) {
    throw malformed('signer key');
  }
  const { name, keyId, key: seed } = parseKeyString(signerKey.slice('PRIVATE+KEY+'.length), 'signer key');
  const privateKey = privateKeyFromSeed(seed);
  const publicKey = rawPublicKey(privateKey);
  if (computeKeyId(name, ED25519_TYPE, publicKey) !== keyId) {
    throw new TlogError('MALFORMED_KEY', 'signer key: the key id does not match the key');
  }
  return {
    name,
    keyId,
    verifierKey: formatVerifierKey(name, publicKey),
    privateKey,
    sign: (message) => ed25519Sign(privateKey, message),
  };
}

/** A fresh Ed25519 key for `name`; keep the signer key secret, publish the verifier key. */
export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) {
    throw new TlogError('MALFORMED_KEY', `invalid key name ${JSON.stringify(name)}`);
  }
  const seed = randomBytes(32);
  const publicKey = rawPublicKey(privateKeyFromSeed(seed));
  const id = computeKeyId(name, ED25519_TYPE, publicKey);
  return {
    signerKey: `PRIVATE+KEY+${name}+${hex8(id)}+${encodeBase64(Buffer.concat([Buffer.from([ED25519_TYPE]), seed]))}`,
    verifierKey: formatVerifierKey(name, publicKey),
  };
}
