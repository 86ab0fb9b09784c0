/**
 * A Signer over a local private key (KeyObject). Checks at creation that the key matches the certificate,
 * so a wrong pairing fails here rather than as an invalid signature found later by a validator.
 */
import { createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { PkiError } from './errors.ts';
import { algorithmForKey } from './internal/algorithms.ts';
import { signDigestWithKey } from './internal/sign-digest.ts';
import type { SignatureAlgorithm, Signer } from './signer.ts';

export interface KeySignerOptions {
  readonly privateKey: KeyObject;
  /** Signer certificate, DER. */
  readonly certificate: Uint8Array;
  /** Issuing CA certificates, DER, signer's issuer first. */
  readonly chain?: readonly Uint8Array[];
  /** Defaults: RSA → rsa-pkcs1-sha256, RSA-PSS key → rsa-pss-sha256, P-256 → ecdsa-p256-sha256. */
  readonly algorithm?: SignatureAlgorithm;
}

export function createKeySigner(options: KeySignerOptions): Signer {
  const { privateKey } = options;
  if (privateKey.type !== 'private') {
    throw new PkiError('INVALID_ARGUMENT', 'createKeySigner needs a private key');
  }
  const algorithm = algorithmForKey(privateKey, options.algorithm);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(options.certificate);
  } catch (cause) {
    throw new PkiError('MALFORMED_INPUT', 'the signer certificate is not a DER X.509 certificate', { cause });
  }
  const fromKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const fromCertificate = certificate.publicKey.export({ format: 'der', type: 'spki' });
  // An rsa-pss key may sit in a certificate as rsaEncryption: compare the key material, not the wrapper.
  const sameKey =
    fromKey.equals(fromCertificate) ||
    (privateKey.asymmetricKeyType === 'rsa-pss' &&
      createPublicKey(privateKey).export({ format: 'jwk' }).n ===
        certificate.publicKey.export({ format: 'jwk' }).n);
  if (!sameKey) {
    throw new PkiError('KEY_CERTIFICATE_MISMATCH', 'the private key does not belong to the certificate');
  }
  const certificateDer = new Uint8Array(options.certificate);
  const chain = Object.freeze((options.chain ?? []).map((der) => new Uint8Array(der)));
  return Object.freeze({
    certificate: certificateDer,
    chain,
    algorithm,
    signDigest: async (digest: Uint8Array) => signDigestWithKey(privateKey, algorithm, digest),
  });
}
