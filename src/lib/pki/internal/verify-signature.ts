/** Verifying a signature over a whole message with a public key; never throws, answers true or false. */
import { constants, type KeyObject, verify } from 'node:crypto';
import type { SignatureAlgorithm } from '../signer.ts';

export function verifySignature(
  publicKey: KeyObject,
  algorithm: SignatureAlgorithm,
  message: Uint8Array,
  signature: Uint8Array,
  pssSaltLength = 32,
): boolean {
  try {
    switch (algorithm) {
      case 'rsa-pkcs1-sha256':
        // A plain RSA KeyObject defaults to PKCS#1 v1.5 padding; passing it bare skips the options parsing
        // (a third of the cost of the self-check in assembleCadesSignature, issue 3 §8).
        return publicKey.asymmetricKeyType === 'rsa'
          ? verify('sha256', message, publicKey, signature)
          : verify('sha256', message, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
      case 'rsa-pss-sha256':
        return verify(
          'sha256',
          message,
          { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pssSaltLength },
          signature,
        );
      case 'ecdsa-p256-sha256':
        return (
          publicKey.asymmetricKeyType === 'ec' &&
          verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, signature)
        );
    }
  } catch {
    return false;
  }
}
