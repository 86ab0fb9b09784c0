/**
 * Reading the parts of an X.509 certificate (RFC 5280 §4.1) the library needs, as byte spans of the
 * original DER: issuer and subject Names (copied verbatim into CMS and ESS structures, never re-encoded),
 * the serial number, validity, and the extensions that chain validation checks.
 */

import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import {
  children,
  content,
  type Element,
  encoded,
  expectTag,
  readElement,
  readOid,
  readRoot,
  readTime,
} from './der.ts';
import { readingAs } from './malformed.ts';
import { decodeName } from './name.ts';
import { oid } from './oids.ts';

export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: Element;
  readonly signatureValue: Uint8Array;
  /** INTEGER content bytes as encoded (two's complement, minimal). */
  readonly serialNumber: Uint8Array;
  readonly serialHex: string;
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly subjectFields: ReadonlyArray<readonly [string, string]>;
  readonly issuerFields: ReadonlyArray<readonly [string, string]>;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Uint8Array;
  readonly publicKey: KeyObject;
  readonly isCa: boolean;
  readonly pathLength: number | undefined;
  /** KeyUsage bits set (RFC 5280 §4.2.1.3), undefined when the extension is absent. */
  readonly keyUsage: ReadonlySet<number> | undefined;
  readonly extendedKeyUsage: readonly string[] | undefined;
  readonly subjectKeyIdentifier: Uint8Array | undefined;
  readonly hasOcspNoCheck: boolean;
  /** id-ad-ocsp URLs from authorityInfoAccess (RFC 5280 §4.2.2.1). */
  readonly ocspUrls: readonly string[];
  /** fullName URIs of cRLDistributionPoints (RFC 5280 §4.2.1.13). */
  readonly crlUrls: readonly string[];
  readonly criticalExtensions: readonly string[];
}

function bitsOf(bitString: Element): Set<number> {
  const bytes = content(bitString);
  const set = new Set<number>();
  for (let i = 1; i < bytes.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      if (bytes[i]! & (0x80 >> bit)) {
        set.add((i - 1) * 8 + bit);
      }
    }
  }
  return set;
}

/**
 * Parsed certificates by the byte array they were read from. Signing reads the same signer certificate in
 * both passes and verification reads each chain certificate several times; parsing (and above all
 * building the KeyObject) once per array keeps that off the per-signature cost (issue 3 §8). A hit is used
 * only while the array still holds the bytes that were parsed (compared with a private snapshot nobody
 * else sees), and the parse is over its own copy, so a caller mutating its array can never get, or cause,
 * a stale result.
 */
const parsedByBytes = new WeakMap<Uint8Array, { snapshot: Uint8Array; parsed: ParsedCertificate }>();

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const cached = parsedByBytes.get(der);
  if (cached && equalBytes(cached.snapshot, der)) {
    return cached.parsed;
  }
  const parsed = readingAs('X.509 certificate', () => {
    return parse(new Uint8Array(der));
  });
  parsedByBytes.set(der, { snapshot: new Uint8Array(der), parsed });
  return parsed;
}

/** Lets `der`, a copy of an already parsed certificate's bytes, find that parse (see parseCertificate). */
export function rememberParsedCertificate(der: Uint8Array, parsed: ParsedCertificate): void {
  if (equalBytes(parsed.der, der)) {
    parsedByBytes.set(der, { snapshot: new Uint8Array(der), parsed });
  }
}

function parse(der: Uint8Array): ParsedCertificate {
  const [tbsElement, signatureAlgorithm, signatureValue] = children(readRoot(der));
  const tbsFields = children(expectTag(tbsElement, 0x30, 'TBSCertificate'));
  let index = tbsFields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = expectTag(tbsFields[index++], 0x02, 'serialNumber');
  index++; // signature AlgorithmIdentifier
  const issuer = expectTag(tbsFields[index++], 0x30, 'issuer');
  const [notBefore, notAfter] = children(expectTag(tbsFields[index++], 0x30, 'validity'));
  const subject = expectTag(tbsFields[index++], 0x30, 'subject');
  const spki = expectTag(tbsFields[index++], 0x30, 'subjectPublicKeyInfo');
  let isCa = false;
  let pathLength: number | undefined;
  let keyUsage: Set<number> | undefined;
  let extendedKeyUsage: string[] | undefined;
  let subjectKeyIdentifier: Uint8Array | undefined;
  let hasOcspNoCheck = false;
  const ocspUrls: string[] = [];
  const crlUrls: string[] = [];
  const criticalExtensions: string[] = [];
  const extensionsWrapper = tbsFields.slice(index).find((field) => field.tag === 0xa3);
  for (const extension of extensionsWrapper ? children(children(extensionsWrapper)[0]!) : []) {
    const parts = children(extension);
    const id = readOid(parts[0]);
    const critical = parts.length === 3 && content(parts[1]!)[0] !== 0;
    if (critical) {
      criticalExtensions.push(id);
    }
    const value = content(expectTag(parts[parts.length - 1], 0x04, 'extnValue'));
    const inner = value.length > 0 ? readElement(value, 0) : undefined;
    switch (id) {
      case oid.basicConstraints: {
        for (const field of children(inner!)) {
          if (field.tag === 0x01) {
            isCa = content(field)[0] !== 0;
          } else if (field.tag === 0x02) {
            pathLength = content(field).reduce((n, b) => n * 256 + b, 0);
          }
        }
        break;
      }
      case oid.keyUsage:
        keyUsage = bitsOf(expectTag(inner, 0x03, 'KeyUsage'));
        break;
      case oid.extKeyUsage:
        extendedKeyUsage = children(inner!).map((element) => readOid(element));
        break;
      case oid.subjectKeyIdentifier:
        subjectKeyIdentifier = content(expectTag(inner, 0x04, 'SubjectKeyIdentifier'));
        break;
      case oid.ocspNoCheck:
        hasOcspNoCheck = true;
        break;
      case oid.authorityInfoAccess:
        for (const description of children(inner!)) {
          const [method, location] = children(description);
          if (readOid(method) === oid.adOcsp && location?.tag === 0x86) {
            ocspUrls.push(new TextDecoder().decode(content(location)));
          }
        }
        break;
      case oid.cRLDistributionPoints:
        for (const point of children(inner!)) {
          const name = children(point).find((field) => field.tag === 0xa0);
          const fullName = name ? children(name).find((field) => field.tag === 0xa0) : undefined;
          for (const general of fullName ? children(fullName) : []) {
            if (general.tag === 0x86) {
              crlUrls.push(new TextDecoder().decode(content(general)));
            }
          }
        }
        break;
    }
  }
  const spkiDer = encoded(spki);
  const serialBytes = content(serial);
  return {
    der,
    tbs: encoded(tbsElement!),
    signatureAlgorithm: expectTag(signatureAlgorithm, 0x30, 'signatureAlgorithm'),
    signatureValue: content(expectTag(signatureValue, 0x03, 'signatureValue')).subarray(1),
    serialNumber: serialBytes,
    serialHex: Buffer.from(serialBytes).toString('hex'),
    issuer: encoded(issuer),
    subject: encoded(subject),
    subjectFields: decodeName(subject),
    issuerFields: decodeName(issuer),
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    spki: spkiDer,
    publicKey: createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' }),
    isCa,
    pathLength,
    keyUsage,
    extendedKeyUsage,
    subjectKeyIdentifier,
    hasOcspNoCheck,
    ocspUrls,
    crlUrls,
    criticalExtensions,
  };
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING content. */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const [, subjectPublicKey] = children(readRoot(spki));
  const bits = content(subjectPublicKey!).subarray(1);
  return new Uint8Array(createHash('sha1').update(bits).digest());
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}
