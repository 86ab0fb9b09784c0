/** OCSP CertID (RFC 6960 §4.1.1): hashes of the issuer's Name and public key, plus the serial number. */
import { createHash } from 'node:crypto';
import type { ParsedCertificate } from './certificate.ts';
import { children, content, readRoot } from './der.ts';

export const sha1Oid = '1.3.14.3.2.26';

const hashNames: Record<string, string> = { [sha1Oid]: 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256' };

export function certIdHashes(
  issuer: ParsedCertificate,
  hashAlgorithm: string,
): { nameHash: Uint8Array; keyHash: Uint8Array } | undefined {
  const name = hashNames[hashAlgorithm];
  if (!name) {
    return undefined;
  }
  // issuerKeyHash: hash of the subjectPublicKey BIT STRING value, without tag, length and unused-bits byte.
  const [, subjectPublicKey] = children(readRoot(issuer.spki));
  const key = content(subjectPublicKey!).subarray(1);
  return {
    nameHash: new Uint8Array(createHash(name).update(issuer.subject).digest()),
    keyHash: new Uint8Array(createHash(name).update(key).digest()),
  };
}
