// Envelope encryption of signing keys (issue 5 §2). A random 256-bit data key encrypts the PKCS#8 private
// key with AES-256-GCM. The data key is wrapped in two layers: first by a key derived from the holder's
// PIN (scrypt, RFC 7914), then by the key-encryption key (KEK) from configuration. So activation needs
// both: a database dump without the KEK cannot even start guessing PINs offline (the outer layer hides the
// PIN layer), and the server with the KEK alone cannot sign without the PIN. Keys the server must use on
// its own (CA, TSA, OCSP responder) have only the KEK layer. Every layer authenticates the owner's id as
// GCM additional data, so a wrapped key copied onto another row does not open.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';

/**
 * scrypt cost (RFC 7914 §2) for new PIN wraps: N = 2^12, r = 8, p = 1 (4 MiB, a few ms). Deliberately
 * moderate: offline PIN guessing is already impossible without the KEK (outer layer), online guessing is
 * stopped by the 5-try lock, and a 6-digit PIN would not survive an attacker holding both KEK and dump
 * whatever the cost; a few ms keeps authorisation within the remote-signing budget (issue 5: p95 ≤ 15 ms).
 * The parameters are stored with each wrap (`pinSalt` = `scrypt$N$r$p$<salt>`), so they can be raised later.
 */
const SCRYPT = { N: 2 ** 12, r: 8, p: 1 } as const;

export type KeyEnvelopeFailure = 'KEK_MISMATCH' | 'PIN_MISMATCH' | 'CORRUPT';

/** Opening failed: wrong KEK (or not ours), wrong PIN, or damaged ciphertext. */
export class KeyEnvelopeError extends Error {
  readonly failure: KeyEnvelopeFailure;
  constructor(failure: KeyEnvelopeFailure, message: string) {
    super(message);
    this.name = 'KeyEnvelopeError';
    this.failure = failure;
  }
}

export interface SealedKey {
  /** base64 of iv(12) ‖ tag(16) ‖ AES-256-GCM(dataKey, PKCS#8). */
  readonly encryptedKey: string;
  /** base64 of the data key wrapped (PIN layer, if any, then KEK layer). */
  readonly wrappedDataKey: string;
  /** `scrypt$N$r$p$<base64 salt>` of the PIN layer; empty for KEK-only keys. */
  readonly pinSalt: string;
}

export function gcmEncrypt(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Returns undefined when the key or the additional data is wrong (GCM tag mismatch). */
export function gcmDecrypt(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer | undefined {
  if (sealed.length < 28) {
    return undefined;
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}

function newPinSalt(): string {
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${randomBytes(16).toString('base64')}`;
}

function pinKey(pin: string, pinSalt: string): Buffer {
  const [scheme, n, r, p, salt] = pinSalt.split('$');
  if (scheme !== 'scrypt' || !salt) {
    throw new KeyEnvelopeError('CORRUPT', 'unknown PIN key derivation');
  }
  const cost = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 };
  return scryptSync(pin.normalize('NFKC'), Buffer.from(salt, 'base64'), 32, cost);
}

function wrap(dataKey: Uint8Array, kek: Uint8Array, owner: string, pin?: { pin: string; salt: string }) {
  const inner = pin ? gcmEncrypt(pinKey(pin.pin, pin.salt), dataKey, `pin:${owner}`) : dataKey;
  return gcmEncrypt(kek, inner, `kek:${owner}`).toString('base64');
}

/** Unwraps the data key; throws KeyEnvelopeError naming the layer that failed. */
export function unwrapDataKey(sealed: SealedKey, kek: Uint8Array, owner: string, pin?: string): Buffer {
  const outer = gcmDecrypt(kek, Buffer.from(sealed.wrappedDataKey, 'base64'), `kek:${owner}`);
  if (!outer) {
    throw new KeyEnvelopeError('KEK_MISMATCH', 'the key-encryption key does not open this key');
  }
  if (!sealed.pinSalt) {
    return outer;
  }
  if (pin === undefined) {
    throw new KeyEnvelopeError('PIN_MISMATCH', 'this key needs its holder’s PIN');
  }
  const inner = gcmDecrypt(pinKey(pin, sealed.pinSalt), outer, `pin:${owner}`);
  if (!inner) {
    throw new KeyEnvelopeError('PIN_MISMATCH', 'wrong PIN');
  }
  return inner;
}

export function decryptPrivateKey(sealed: SealedKey, dataKey: Uint8Array, owner: string): KeyObject {
  const pkcs8 = gcmDecrypt(dataKey, Buffer.from(sealed.encryptedKey, 'base64'), `key:${owner}`);
  if (!pkcs8) {
    throw new KeyEnvelopeError('CORRUPT', 'the encrypted key does not open with its data key');
  }
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

/** Seals a private key for `owner` (a credential or authority id); with a PIN for holder-activated keys. */
export function sealPrivateKey(options: {
  privateKey: KeyObject;
  kek: Uint8Array;
  owner: string;
  pin?: string;
}): SealedKey {
  const dataKey = randomBytes(32);
  const pkcs8 = options.privateKey.export({ format: 'der', type: 'pkcs8' });
  const salt = options.pin === undefined ? '' : newPinSalt();
  return {
    encryptedKey: gcmEncrypt(dataKey, pkcs8, `key:${options.owner}`).toString('base64'),
    wrappedDataKey: wrap(
      dataKey,
      options.kek,
      options.owner,
      options.pin === undefined ? undefined : { pin: options.pin, salt },
    ),
    pinSalt: salt,
  };
}

/** Opens a sealed key (KEK, and PIN for holder-activated keys). */
export function openPrivateKey(sealed: SealedKey, kek: Uint8Array, owner: string, pin?: string): KeyObject {
  return decryptPrivateKey(sealed, unwrapDataKey(sealed, kek, owner, pin), owner);
}

/** Re-wraps the data key under a new PIN (the old PIN must open it); the key ciphertext is unchanged. */
export function rewrapForPin(
  sealed: SealedKey,
  kek: Uint8Array,
  owner: string,
  oldPin: string,
  newPin: string,
): SealedKey {
  const dataKey = unwrapDataKey(sealed, kek, owner, oldPin);
  const salt = newPinSalt();
  return {
    encryptedKey: sealed.encryptedKey,
    wrappedDataKey: wrap(dataKey, kek, owner, { pin: newPin, salt }),
    pinSalt: salt,
  };
}

/** Wraps a data key for a SAD (credentials/authorize): only the SAD holder can unwrap it for signHash. */
export function wrapForSad(dataKey: Uint8Array, kek: Uint8Array, sad: string): string {
  return gcmEncrypt(kek, gcmEncrypt(sadKey(sad), dataKey, 'sad'), 'kek:sad').toString('base64');
}

export function unwrapForSad(wrapped: string, kek: Uint8Array, sad: string): Buffer | undefined {
  const outer = gcmDecrypt(kek, Buffer.from(wrapped, 'base64'), 'kek:sad');
  return outer ? gcmDecrypt(sadKey(sad), outer, 'sad') : undefined;
}

function sadKey(sad: string): Buffer {
  return createHash('sha256').update(`xaso SAD key\0${sad}`).digest();
}
