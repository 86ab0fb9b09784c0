/**
 * The one interface every signing key hides behind: a local KeyObject, a PKCS#12 file, or the remote
 * signing service (CSC API v2 signHash). Signing is two-pass (issue 3 §4): the caller computes the
 * digest of the DER-encoded signed attributes (RFC 5652 §5.4), the signer signs that digest, and the
 * CMS is assembled afterwards, so nothing that feeds the hash can change between the passes.
 */

/**
 * The signature algorithms xaso produces, all over SHA-256:
 * - `rsa-pkcs1-sha256`: RSASSA-PKCS1-v1_5 (RFC 8017 §8.2), OID sha256WithRSAEncryption.
 * - `rsa-pss-sha256`: RSASSA-PSS (RFC 8017 §8.1), MGF1-SHA-256, salt length 32, trailer field 1 (RFC 4055 §3.1).
 * - `ecdsa-p256-sha256`: ECDSA on P-256 (FIPS 186-5), ecdsa-with-SHA256, DER `ECDSA-Sig-Value` (RFC 5480 §2.2.3).
 */
export type SignatureAlgorithm = 'rsa-pkcs1-sha256' | 'rsa-pss-sha256' | 'ecdsa-p256-sha256';

export interface Signer {
  /** Signer certificate, DER. */
  readonly certificate: Uint8Array;
  /** Issuing CA certificates (DER), signer's issuer first; the root may be included or left out. */
  readonly chain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
  /** Signs a SHA-256 digest computed elsewhere; returns PKCS#1 v1.5 / PSS bytes, or DER ECDSA-Sig-Value. */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
}
