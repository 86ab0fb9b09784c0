/**
 * Signing a SHA-256 digest computed elsewhere with a local KeyObject (the two-pass flow of issue 3 §4).
 * node:crypto hashes before it signs, so each algorithm is built from primitives that take the digest:
 * - PKCS#1 v1.5: DigestInfo (RFC 8017 §9.2 note 1) padded and exponentiated by privateEncrypt.
 * - PSS: EMSA-PSS by hand (./emsa-pss.ts), then raw RSA (RSASP1, RFC 8017 §5.2.1) with RSA_NO_PADDING.
 * - ECDSA P-256: @noble/curves with prehash off; k per RFC 6979 plus fresh entropy (hedged signatures,
 *   RFC 6979 §3.6), output DER ECDSA-Sig-Value.
 */
import { constants, createPrivateKey, type KeyObject, privateEncrypt, randomBytes } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { PkiError } from '../errors.ts';
import type { SignatureAlgorithm } from '../signer.ts';
import { children, content, readRoot } from './der.ts';
import { emsaPssEncode } from './emsa-pss.ts';

/** DER prefix of DigestInfo for SHA-256 (RFC 8017 §9.2, note 1). */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** rsa-pss KeyObjects refuse raw RSA: re-wrap their RSAPrivateKey (inside PKCS#8) as a plain RSA key. */
function asPlainRsaKey(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'rsa-pss') {
    return key;
  }
  const pkcs8 = new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));
  const rsaPrivateKey = content(children(readRoot(pkcs8))[2]!);
  return createPrivateKey({ key: Buffer.from(rsaPrivateKey), format: 'der', type: 'pkcs1' });
}

export interface DigestSigningOptions {
  /** Only for known-answer tests: the PSS salt (32 bytes) instead of a random one. */
  readonly pssSalt?: Uint8Array;
  /** Only for known-answer tests: deterministic ECDSA (RFC 6979) without extra entropy. */
  readonly deterministic?: boolean;
}

export function signDigestWithKey(
  key: KeyObject,
  algorithm: SignatureAlgorithm,
  digest: Uint8Array,
  options: DigestSigningOptions = {},
): Uint8Array {
  if (digest.length !== 32) {
    throw new PkiError('INVALID_ARGUMENT', `a SHA-256 digest is 32 bytes, got ${digest.length}`);
  }
  try {
    switch (algorithm) {
      case 'rsa-pkcs1-sha256': {
        const digestInfo = Buffer.concat([sha256DigestInfoPrefix, digest]);
        return new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
      }
      case 'rsa-pss-sha256': {
        const plain = asPlainRsaKey(key);
        const modulusBits = plain.asymmetricKeyDetails?.modulusLength ?? 0;
        const k = Math.ceil(modulusBits / 8);
        const em = emsaPssEncode(digest, modulusBits - 1, options.pssSalt ?? randomBytes(32));
        // RSASP1 wants an octet string of length k: EM is one byte shorter when modBits ≡ 1 (mod 8).
        const input = new Uint8Array(k);
        input.set(em, k - em.length);
        return new Uint8Array(privateEncrypt({ key: plain, padding: constants.RSA_NO_PADDING }, input));
      }
      case 'ecdsa-p256-sha256': {
        const jwk = key.export({ format: 'jwk' });
        const secret = Buffer.from(jwk.d ?? '', 'base64url');
        try {
          return p256.sign(digest, secret, {
            prehash: false,
            format: 'der',
            lowS: false,
            extraEntropy: !options.deterministic,
          });
        } finally {
          secret.fill(0);
        }
      }
    }
  } catch (error) {
    if (error instanceof PkiError) {
      throw error;
    }
    throw new PkiError('SIGNING_FAILED', `signing the digest with ${algorithm} failed`, { cause: error });
  }
}
