/**
 * Password-based decryption and encryption for PKCS#12 contents: PBES2 with PBKDF2 and AES-CBC
 * (RFC 8018 §6.2, what OpenSSL 3 writes) and the legacy PKCS#12 PBE schemes (RFC 7292 Appendix C:
 * SHA-1 with 3-key triple DES, or with 40/128-bit RC2).
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import {
  children,
  content,
  type Element,
  integer,
  objectIdentifier,
  octetString,
  readInteger,
  readOid,
  sequence,
} from './der.ts';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf.ts';
import { rc2CbcDecrypt } from './rc2.ts';

const pbes2 = '1.2.840.113549.1.5.13';
const pbkdf2 = '1.2.840.113549.1.5.12';
const prfs: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const aesCiphers: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
};
// RFC 7292 Appendix C: pkcs-12PbeIds
const legacy: Record<string, { cipher: 'des-ede3-cbc' | 'rc2'; keyLength: number; rc2Bits?: number }> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16, rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5, rc2Bits: 40 },
};
const sha1 = '1.3.14.3.2.26';

export class UnsupportedSchemeError extends Error {}

/**
 * Iteration counts above this are refused rather than run: a hostile file could otherwise block the event
 * loop for minutes. Real files use 2,048 (OpenSSL) to a few hundred thousand (OWASP's PBKDF2 advice).
 */
export const maxIterations = 5_000_000;

export function checkedIterations(value: bigint): number {
  if (value < 1n || value > BigInt(maxIterations)) {
    throw new UnsupportedSchemeError(`an iteration count of ${value} is outside 1…${maxIterations}`);
  }
  return Number(value);
}

function stripPadding(data: Uint8Array): Uint8Array {
  const pad = data[data.length - 1] ?? 0;
  if (pad < 1 || pad > 16 || pad > data.length) {
    throw new Error('bad padding');
  }
  return data.subarray(0, data.length - pad);
}

/** Decrypts with the scheme in `algorithm` (AlgorithmIdentifier element); throws on a wrong password. */
export function decryptWithPassword(algorithm: Element, encrypted: Uint8Array, password: string): Uint8Array {
  const [idElement, parameters] = children(algorithm);
  const id = readOid(idElement);
  if (id === pbes2 && parameters) {
    const [kdf, scheme] = children(parameters);
    const [kdfId, kdfParameters] = children(kdf!);
    if (readOid(kdfId) !== pbkdf2) {
      throw new UnsupportedSchemeError('only PBKDF2 is supported in PBES2');
    }
    const fields = children(kdfParameters!);
    const salt = content(fields[0]!);
    const iterations = checkedIterations(readInteger(fields[1]));
    const prfElement = fields.slice(2).find((field) => field.tag === 0x30);
    const prf = prfElement ? prfs[readOid(children(prfElement)[0])] : 'sha1';
    const [cipherId, iv] = children(scheme!);
    const cipher = aesCiphers[readOid(cipherId)];
    if (!prf || !cipher) {
      throw new UnsupportedSchemeError('unsupported PBES2 PRF or cipher');
    }
    // RFC 8018 leaves the password encoding open; OpenSSL uses the UTF-8 bytes.
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
    const decipher = createDecipheriv(cipher.name, key, content(iv!));
    return new Uint8Array(Buffer.concat([decipher.update(encrypted), decipher.final()]));
  }
  const scheme = legacy[id];
  if (scheme && parameters) {
    const [saltElement, iterationsElement] = children(parameters);
    const salt = content(saltElement!);
    const iterations = checkedIterations(readInteger(iterationsElement));
    const bmp = bmpPassword(password);
    const key = pkcs12Kdf(sha1, bmp, salt, 1, iterations, scheme.keyLength);
    const iv = pkcs12Kdf(sha1, bmp, salt, 2, iterations, 8);
    if (scheme.cipher === 'rc2') {
      return stripPadding(rc2CbcDecrypt(key, scheme.rc2Bits!, iv, encrypted));
    }
    const decipher = createDecipheriv('des-ede3-cbc', key, iv);
    return new Uint8Array(Buffer.concat([decipher.update(encrypted), decipher.final()]));
  }
  throw new UnsupportedSchemeError(`encryption scheme ${id} is not supported`);
}

/** PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC (what OpenSSL 3 writes by default). */
export function encryptWithPassword(
  plaintext: Uint8Array,
  password: string,
  iterations: number,
): { algorithm: Uint8Array; encrypted: Uint8Array } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
  const algorithm = sequence(
    objectIdentifier(pbes2),
    sequence(
      sequence(
        objectIdentifier(pbkdf2),
        sequence(
          octetString(salt),
          integer(iterations),
          sequence(objectIdentifier('1.2.840.113549.2.9'), Uint8Array.of(5, 0)),
        ),
      ),
      sequence(objectIdentifier('2.16.840.1.101.3.4.1.42'), octetString(iv)),
    ),
  );
  return { algorithm, encrypted };
}
