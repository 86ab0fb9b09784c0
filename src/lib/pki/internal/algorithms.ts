/**
 * AlgorithmIdentifier encodings for the three supported signature algorithms and SHA-256, and the
 * mapping back from a parsed AlgorithmIdentifier.
 */
import type { KeyObject } from 'node:crypto';
import { PkiError } from '../errors.ts';
import type { SignatureAlgorithm } from '../signer.ts';
import {
  children,
  content,
  type Element,
  explicit,
  integer,
  nullValue,
  objectIdentifier,
  readOid,
  sequence,
} from './der.ts';
import { oid } from './oids.ts';

/** AlgorithmIdentifier for SHA-256 with absent parameters (RFC 5754 §2: "SHOULD omit"). */
export const sha256AlgorithmIdentifier = (): Uint8Array => sequence(objectIdentifier(oid.sha256));

/** RSASSA-PSS-params for SHA-256, MGF1-SHA-256, salt 32, trailer 1 (RFC 4055 §3.1, RFC 8017 Appendix A.2.3). */
function pssParameters(): Uint8Array {
  const sha256 = sequence(objectIdentifier(oid.sha256), nullValue());
  return sequence(
    explicit(0, sha256),
    explicit(1, sequence(objectIdentifier(oid.mgf1), sha256)),
    explicit(2, integer(32)),
  );
}

export function signatureAlgorithmIdentifier(algorithm: SignatureAlgorithm): Uint8Array {
  switch (algorithm) {
    case 'rsa-pkcs1-sha256':
      // RFC 4055 §5: parameters MUST be NULL for sha256WithRSAEncryption.
      return sequence(objectIdentifier(oid.sha256WithRSAEncryption), nullValue());
    case 'rsa-pss-sha256':
      return sequence(objectIdentifier(oid.rsassaPss), pssParameters());
    case 'ecdsa-p256-sha256':
      // RFC 5758 §3.2: parameters MUST be absent.
      return sequence(objectIdentifier(oid.ecdsaWithSha256));
  }
}

/**
 * Reads a signature AlgorithmIdentifier. `rsaEncryption` (what many CMS producers put in SignerInfo) is
 * read as PKCS#1 v1.5; PSS parameters other than SHA-256/MGF1-SHA-256 are refused.
 */
export function readSignatureAlgorithm(element: Element): {
  algorithm: SignatureAlgorithm;
  saltLength: number;
} {
  const [algorithmOid, parameters] = children(element);
  const id = readOid(algorithmOid);
  if (id === oid.sha256WithRSAEncryption || id === oid.rsaEncryption) {
    return { algorithm: 'rsa-pkcs1-sha256', saltLength: 0 };
  }
  if (id === oid.ecdsaWithSha256) {
    return { algorithm: 'ecdsa-p256-sha256', saltLength: 0 };
  }
  if (id === oid.rsassaPss && parameters) {
    let saltLength = 20; // RFC 4055 §3.1 default
    let hash = '1.3.14.3.2.26';
    for (const field of children(parameters)) {
      const inner = children(field)[0];
      if (field.tag === 0xa0) {
        hash = readOid(children(inner!)[0]);
      } else if (field.tag === 0xa2) {
        const bytes = content(inner!);
        saltLength = bytes.reduce((value, byte) => value * 256 + byte, 0);
      }
    }
    if (hash !== oid.sha256) {
      throw new PkiError('UNSUPPORTED_ALGORITHM', `RSASSA-PSS with hash ${hash} is not supported`);
    }
    return { algorithm: 'rsa-pss-sha256', saltLength };
  }
  throw new PkiError('UNSUPPORTED_ALGORITHM', `signature algorithm ${id} is not supported`);
}

/** The algorithm a key can produce: RSA → PKCS#1 v1.5 unless PSS is asked for; rsa-pss keys → PSS; P-256 → ECDSA. */
export function algorithmForKey(key: KeyObject, requested?: SignatureAlgorithm): SignatureAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === 'rsa' || type === 'rsa-pss') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) {
      throw new PkiError('UNSUPPORTED_ALGORITHM', `RSA keys below 2048 bits are not accepted (got ${bits})`);
    }
    const algorithm = requested ?? (type === 'rsa-pss' ? 'rsa-pss-sha256' : 'rsa-pkcs1-sha256');
    if (algorithm === 'ecdsa-p256-sha256' || (type === 'rsa-pss' && algorithm !== 'rsa-pss-sha256')) {
      throw new PkiError('UNSUPPORTED_ALGORITHM', `a ${type} key cannot sign with ${algorithm}`);
    }
    return algorithm;
  }
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    if (requested && requested !== 'ecdsa-p256-sha256') {
      throw new PkiError('UNSUPPORTED_ALGORITHM', `an EC key cannot sign with ${requested}`);
    }
    return 'ecdsa-p256-sha256';
  }
  throw new PkiError(
    'UNSUPPORTED_ALGORITHM',
    `key type ${type} ${key.asymmetricKeyDetails?.namedCurve ?? ''} is not supported`.trim(),
  );
}
