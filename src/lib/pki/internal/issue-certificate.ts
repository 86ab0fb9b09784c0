/** Building and signing X.509 v3 certificates (RFC 5280 §4.1) for the development PKI and tests. */
import { createPublicKey, type KeyObject, randomBytes } from 'node:crypto';
import type { SignatureAlgorithm } from '../signer.ts';
import { algorithmForKey, signatureAlgorithmIdentifier } from './algorithms.ts';
import { keyIdentifier } from './certificate.ts';
import {
  bitString,
  boolean,
  explicit,
  ia5String,
  implicitPrimitive,
  integer,
  namedBits,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  time,
  unsignedInteger,
} from './der.ts';
import { encodeName, type NameAttribute } from './name.ts';
import { oid } from './oids.ts';
import { signMessage } from './sign-message.ts';

/** KeyUsage bit numbers (RFC 5280 §4.2.1.3). */
export const keyUsageBit = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

export interface CertificateTemplate {
  readonly subject: readonly NameAttribute[];
  /** The subject's public key, or its private key (only the public half is used). */
  readonly subjectKey: KeyObject;
  /** Issuer Name DER (verbatim from the issuer certificate); omitted → self-signed. */
  readonly issuerName?: Uint8Array;
  readonly issuerKey: KeyObject;
  readonly issuerSpki?: Uint8Array;
  readonly issuerAlgorithm?: SignatureAlgorithm;
  readonly serialNumber?: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly ca?: { readonly pathLength?: number };
  readonly keyUsage: readonly number[];
  readonly extendedKeyUsage?: readonly string[];
  readonly extendedKeyUsageCritical?: boolean;
  readonly policies?: readonly string[];
  readonly ocspNoCheck?: boolean;
  readonly ocspUrl?: string;
  readonly crlUrl?: string;
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return sequence(objectIdentifier(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** A positive 127-bit random serial (RFC 5280 §4.1.2.2: ≤ 20 octets, unpredictable per CA/B BR 7.1). */
export function randomSerial(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return new Uint8Array(bytes);
}

export function issueCertificate(template: CertificateTemplate): Uint8Array {
  const algorithm = template.issuerAlgorithm ?? algorithmForKey(template.issuerKey);
  const signatureAlgorithm = signatureAlgorithmIdentifier(algorithm);
  const subjectName = encodeName(template.subject);
  const subjectPublicKey =
    template.subjectKey.type === 'private' ? createPublicKey(template.subjectKey) : template.subjectKey;
  const spki = new Uint8Array(subjectPublicKey.export({ format: 'der', type: 'spki' }));
  const issuerSpki =
    template.issuerSpki ??
    new Uint8Array(createPublicKey(template.issuerKey).export({ format: 'der', type: 'spki' }));
  const extensions: Uint8Array[] = [];
  extensions.push(
    extension(
      oid.basicConstraints,
      true,
      template.ca
        ? sequence(
            boolean(true),
            ...(template.ca.pathLength === undefined ? [] : [integer(template.ca.pathLength)]),
          )
        : sequence(),
    ),
  );
  extensions.push(extension(oid.keyUsage, true, namedBits(template.keyUsage)));
  if (template.extendedKeyUsage) {
    extensions.push(
      extension(
        oid.extKeyUsage,
        template.extendedKeyUsageCritical ?? false,
        sequence(...template.extendedKeyUsage.map(objectIdentifier)),
      ),
    );
  }
  extensions.push(extension(oid.subjectKeyIdentifier, false, octetString(keyIdentifier(spki))));
  if (template.issuerName) {
    extensions.push(
      extension(oid.authorityKeyIdentifier, false, sequence(implicitPrimitive(0, keyIdentifier(issuerSpki)))),
    );
  }
  if (template.policies?.length) {
    extensions.push(
      extension(
        oid.certificatePolicies,
        false,
        sequence(...template.policies.map((policy) => sequence(objectIdentifier(policy)))),
      ),
    );
  }
  if (template.crlUrl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames { uniformResourceIdentifier [6] } } }
    const uri = implicitPrimitive(6, ia5String(template.crlUrl).subarray(2));
    extensions.push(
      extension(oid.cRLDistributionPoints, false, sequence(sequence(explicit(0, explicit(0, uri))))),
    );
  }
  if (template.ocspUrl) {
    const uri = implicitPrimitive(6, ia5String(template.ocspUrl).subarray(2));
    extensions.push(
      extension(oid.authorityInfoAccess, false, sequence(sequence(objectIdentifier(oid.adOcsp), uri))),
    );
  }
  if (template.ocspNoCheck) {
    extensions.push(extension(oid.ocspNoCheck, false, nullValue()));
  }
  const tbs = sequence(
    explicit(0, integer(2)),
    unsignedInteger(template.serialNumber ?? randomSerial()),
    signatureAlgorithm,
    template.issuerName ?? subjectName,
    sequence(time(template.notBefore), time(template.notAfter)),
    subjectName,
    spki,
    explicit(3, sequence(...extensions)),
  );
  return sequence(tbs, signatureAlgorithm, bitString(signMessage(template.issuerKey, algorithm, tbs)));
}
