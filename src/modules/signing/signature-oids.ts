// Algorithm identifiers the CSC API v2 exchanges (CSC API v2.0 §11.7–11.9 take OIDs).
/** id-sha256 (RFC 5754 §2.2): the only hash algorithm accepted for hashes to sign. */
export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
/** sha256WithRSAEncryption (RFC 4055 §5) and plain rsaEncryption (RFC 8017 A.1), both PKCS#1 v1.5. */
export const RSA_SIGN_OIDS = ['1.2.840.113549.1.1.11', '1.2.840.113549.1.1.1'] as const;
/** ecdsa-with-SHA256 (RFC 5758 §3.2). */
export const ECDSA_SIGN_OIDS = ['1.2.840.10045.4.3.2'] as const;
/** Key algorithm OIDs for credentials/info: rsaEncryption, id-ecPublicKey (RFC 5480 §2.1.1). */
export const KEY_ALGORITHM_OIDS = { rsa: '1.2.840.113549.1.1.1', ec: '1.2.840.10045.2.1' } as const;

export function signAlgorithmsFor(keyAlgorithm: string): readonly string[] {
  return keyAlgorithm.startsWith('rsa') ? RSA_SIGN_OIDS : ECDSA_SIGN_OIDS;
}
