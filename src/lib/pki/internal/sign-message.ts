/** Signing whole messages (TBSCertificate, TBSCertList, ResponseData) with a local key via node:crypto. */
import { constants, type KeyObject, sign } from 'node:crypto';
import { PkiError } from '../errors.ts';
import type { SignatureAlgorithm } from '../signer.ts';

export function signMessage(key: KeyObject, algorithm: SignatureAlgorithm, message: Uint8Array): Uint8Array {
  try {
    switch (algorithm) {
      case 'rsa-pkcs1-sha256':
        return new Uint8Array(sign('sha256', message, { key, padding: constants.RSA_PKCS1_PADDING }));
      case 'rsa-pss-sha256':
        return new Uint8Array(
          sign('sha256', message, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
        );
      case 'ecdsa-p256-sha256':
        return new Uint8Array(sign('sha256', message, { key, dsaEncoding: 'der' }));
    }
  } catch (cause) {
    throw new PkiError('SIGNING_FAILED', `signing with ${algorithm} failed`, { cause });
  }
}
