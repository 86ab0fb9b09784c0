/**
 * An RFC 6960 OCSPResponse with a BasicOCSPResponse (§4.2.1): one SingleResponse per certificate asked
 * about, good / revoked (time, reason) / unknown, signed either by the issuing CA itself or by a delegated
 * responder whose certificate (EKU id-kp-OCSPSigning, §4.2.2.2) is included in `certs`. CertIDs use SHA-1,
 * the hash every client sends (an identifier, not a signature hash). An optional nonce is echoed (RFC 8954).
 */
import type { KeyObject } from 'node:crypto';
import { algorithmForKey, signatureAlgorithmIdentifier } from './internal/algorithms.ts';
import { equalBytes, parseCertificate } from './internal/certificate.ts';
import {
  bitString,
  enumerated,
  explicit,
  generalizedTime,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  tlv,
  unsignedInteger,
} from './internal/der.ts';
import { certIdHashes, sha1Oid } from './internal/ocsp.ts';
import { oid } from './internal/oids.ts';
import { type RevocationReason, reasonCode, serialBytes } from './internal/revocation-reason.ts';
import { signMessage } from './internal/sign-message.ts';

export interface OcspEntry {
  readonly serial: string | Uint8Array;
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly revokedAt?: Date;
  readonly reason?: RevocationReason;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
}

export interface CreateOcspResponseOptions {
  /** The CA certificate that issued the certificates asked about. */
  readonly issuer: Uint8Array;
  /** The signing responder: the CA itself, or a delegated OCSP signer issued by it. */
  readonly responderCertificate: Uint8Array;
  readonly responderKey: KeyObject;
  readonly entries: readonly OcspEntry[];
  readonly producedAt: Date;
  /** The request's nonce value (the OCTET STRING content), echoed in responseExtensions. */
  readonly nonce?: Uint8Array;
  /** CertID hash, to answer in the form the request used (RFC 6960 §4.1.1); default SHA-1. */
  readonly certIdHash?: 'sha1' | 'sha256';
}

function certStatus(entry: OcspEntry): Uint8Array {
  switch (entry.status) {
    case 'good':
      return Uint8Array.of(0x80, 0x00); // good [0] IMPLICIT NULL
    case 'unknown':
      return Uint8Array.of(0x82, 0x00); // unknown [2] IMPLICIT NULL
    case 'revoked':
      // revoked [1] IMPLICIT RevokedInfo { revocationTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
      return tlv(
        0xa1,
        generalizedTime(entry.revokedAt ?? entry.thisUpdate),
        ...(entry.reason ? [explicit(0, enumerated(reasonCode(entry.reason)))] : []),
      );
  }
}

export function createOcspResponse(options: CreateOcspResponseOptions): Uint8Array {
  const issuer = parseCertificate(options.issuer);
  const responder = parseCertificate(options.responderCertificate);
  const certIdHashOid = options.certIdHash === 'sha256' ? oid.sha256 : sha1Oid;
  const hashes = certIdHashes(issuer, certIdHashOid)!;
  const algorithm = algorithmForKey(options.responderKey);
  const signatureAlgorithm = signatureAlgorithmIdentifier(algorithm);
  const responses = options.entries.map((entry) =>
    sequence(
      sequence(
        sequence(objectIdentifier(certIdHashOid), nullValue()),
        octetString(hashes.nameHash),
        octetString(hashes.keyHash),
        unsignedInteger(serialBytes(entry.serial)),
      ),
      certStatus(entry),
      generalizedTime(entry.thisUpdate),
      ...(entry.nextUpdate ? [explicit(0, generalizedTime(entry.nextUpdate))] : []),
    ),
  );
  const responseData = sequence(
    explicit(1, responder.subject), // responderID byName [1]
    generalizedTime(options.producedAt),
    sequence(...responses),
    ...(options.nonce
      ? [
          explicit(
            1,
            sequence(sequence(objectIdentifier(oid.ocspNonce), octetString(octetString(options.nonce)))),
          ),
        ]
      : []),
  );
  const delegated = !equalBytes(responder.der, issuer.der);
  const basic = sequence(
    responseData,
    signatureAlgorithm,
    bitString(signMessage(options.responderKey, algorithm, responseData)),
    ...(delegated ? [explicit(0, sequence(responder.der))] : []),
  );
  return sequence(
    enumerated(0), // successful
    explicit(0, sequence(objectIdentifier(oid.ocspBasic), octetString(basic))),
  );
}
