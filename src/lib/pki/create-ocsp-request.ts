/**
 * An RFC 6960 OCSPRequest (§4.1.1) for one certificate, unsigned, with SHA-1 CertID (what responders
 * index by) and a 16-byte nonce (RFC 8954 §2.1) unless `nonce: false`.
 */
import { randomBytes } from 'node:crypto';
import { parseCertificate } from './internal/certificate.ts';
import { explicit, nullValue, objectIdentifier, octetString, sequence, tlv } from './internal/der.ts';
import { certIdHashes, sha1Oid } from './internal/ocsp.ts';
import { oid } from './internal/oids.ts';

export function createOcspRequest(
  certificateDer: Uint8Array,
  issuerDer: Uint8Array,
  options: { readonly nonce?: Uint8Array | false } = {},
): Uint8Array {
  const certificate = parseCertificate(certificateDer);
  const hashes = certIdHashes(parseCertificate(issuerDer), sha1Oid)!;
  const certId = sequence(
    sequence(objectIdentifier(sha1Oid), nullValue()),
    octetString(hashes.nameHash),
    octetString(hashes.keyHash),
    tlv(0x02, certificate.serialNumber),
  );
  const nonce = options.nonce === false ? undefined : (options.nonce ?? new Uint8Array(randomBytes(16)));
  return sequence(
    sequence(
      sequence(sequence(certId)),
      ...(nonce
        ? [explicit(2, sequence(sequence(objectIdentifier(oid.ocspNonce), octetString(octetString(nonce)))))]
        : []),
    ),
  );
}
