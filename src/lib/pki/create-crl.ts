/**
 * An X.509 v2 CRL (RFC 5280 §5.1) signed by the issuing CA: revoked entries with their revocation date and
 * reason (§5.3.1), CRL number (§5.2.3) and authority key identifier (§5.2.1).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { algorithmForKey, signatureAlgorithmIdentifier } from './internal/algorithms.ts';
import { keyIdentifier, parseCertificate } from './internal/certificate.ts';
import {
  bitString,
  enumerated,
  explicit,
  implicitPrimitive,
  integer,
  objectIdentifier,
  octetString,
  sequence,
  time,
  unsignedInteger,
} from './internal/der.ts';
import { oid } from './internal/oids.ts';
import { type RevocationReason, reasonCode, serialBytes } from './internal/revocation-reason.ts';
import { signMessage } from './internal/sign-message.ts';

export interface RevokedEntry {
  /** Serial number: hex (as ParsedCertificate / X509Certificate.serialNumber print it) or INTEGER bytes. */
  readonly serial: string | Uint8Array;
  readonly at: Date;
  readonly reason?: RevocationReason;
}

export interface CreateCrlOptions {
  /** The CA certificate (DER) whose subject is the CRL issuer. */
  readonly issuer: Uint8Array;
  readonly issuerKey: KeyObject;
  readonly revoked: readonly RevokedEntry[];
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Monotonic CRL number (RFC 5280 §5.2.3); default: thisUpdate in seconds. */
  readonly crlNumber?: bigint;
}

export function createCrl(options: CreateCrlOptions): Uint8Array {
  const issuer = parseCertificate(options.issuer);
  const algorithm = algorithmForKey(options.issuerKey);
  const signatureAlgorithm = signatureAlgorithmIdentifier(algorithm);
  const entries = options.revoked.map((entry) =>
    sequence(
      unsignedInteger(serialBytes(entry.serial)),
      time(entry.at),
      ...(entry.reason
        ? [
            sequence(
              sequence(objectIdentifier(oid.crlReason), octetString(enumerated(reasonCode(entry.reason)))),
            ),
          ]
        : []),
    ),
  );
  const issuerSpki = new Uint8Array(
    createPublicKey(options.issuerKey).export({ format: 'der', type: 'spki' }),
  );
  const crlNumber = options.crlNumber ?? BigInt(Math.floor(options.thisUpdate.getTime() / 1000));
  const tbs = sequence(
    integer(1), // v2
    signatureAlgorithm,
    issuer.subject,
    time(options.thisUpdate),
    time(options.nextUpdate),
    ...(entries.length ? [sequence(...entries)] : []),
    explicit(
      0,
      sequence(
        sequence(
          objectIdentifier(oid.authorityKeyIdentifier),
          octetString(sequence(implicitPrimitive(0, keyIdentifier(issuerSpki)))),
        ),
        sequence(objectIdentifier(oid.crlNumber), octetString(integer(crlNumber))),
      ),
    ),
  );
  return sequence(tbs, signatureAlgorithm, bitString(signMessage(options.issuerKey, algorithm, tbs)));
}
