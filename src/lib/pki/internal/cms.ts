/**
 * CMS SignedData (RFC 5652 §5) building blocks and a span-preserving parser. Building keeps the signed
 * attributes byte-for-byte as they were hashed; parsing keeps the raw bytes so a verifier re-hashes
 * exactly what the signer signed.
 */

import { PkiError } from '../errors.ts';
import { sha256AlgorithmIdentifier } from './algorithms.ts';
import { equalBytes } from './certificate.ts';
import {
  children,
  content,
  type Element,
  encoded,
  expectTag,
  explicit,
  integer,
  objectIdentifier,
  octetString,
  octets,
  readOid,
  readRoot,
  sequence,
  setOf,
  tlv,
} from './der.ts';
import { signingCertificateV2 } from './ess.ts';
import { readingAs } from './malformed.ts';
import { oid } from './oids.ts';

/** Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue } (RFC 5652 §5.3). */
export function attribute(type: string, ...values: readonly Uint8Array[]): Uint8Array {
  return sequence(objectIdentifier(type), setOf(values));
}

/**
 * The signed attributes xaso writes (RFC 5652 §11.1–11.2, RFC 5035 §3): content-type, message-digest and
 * signing-certificate-v2, as the DER SET OF that is hashed and signed (RFC 5652 §5.4).
 */
export function encodeSignedAttributes(
  contentType: string,
  digest: Uint8Array,
  certificate: Uint8Array,
): Uint8Array {
  return setOf([
    attribute(oid.contentType, objectIdentifier(contentType)),
    attribute(oid.messageDigest, octetString(digest)),
    attribute(oid.signingCertificateV2, signingCertificateV2(certificate)),
  ]);
}

export interface SignerInfoParts {
  readonly issuer: Uint8Array;
  readonly serialNumber: Uint8Array;
  /** DER of the SET OF signed attributes, tag 0x31 (RFC 5652 §5.4). */
  readonly signedAttributes: Uint8Array;
  readonly signatureAlgorithm: Uint8Array;
  readonly signature: Uint8Array;
  readonly unsignedAttributes?: readonly Uint8Array[];
}

export function encodeSignerInfo(parts: SignerInfoParts): Uint8Array {
  if (parts.signedAttributes[0] !== 0x31) {
    throw new PkiError('INVALID_ARGUMENT', 'signed attributes must be the DER of a SET OF');
  }
  // [0] IMPLICIT SignedAttributes: the SET tag 0x31 becomes 0xA0, every other byte stays.
  const signedAttributes = new Uint8Array(parts.signedAttributes);
  signedAttributes[0] = 0xa0;
  const unsigned = parts.unsignedAttributes?.length ? [retag(setOf(parts.unsignedAttributes), 0xa1)] : [];
  return sequence(
    integer(1), // version 1: sid is issuerAndSerialNumber (RFC 5652 §5.3)
    sequence(parts.issuer, tlv(0x02, parts.serialNumber)),
    sha256AlgorithmIdentifier(),
    signedAttributes,
    parts.signatureAlgorithm,
    octetString(parts.signature),
    ...unsigned,
  );
}

/** ContentInfo { id-signedData, [0] SignedData } with detached id-data content (RFC 5652 §5.1, §5.2). */
export function encodeSignedData(options: {
  readonly certificates: readonly Uint8Array[];
  readonly signerInfos: readonly Uint8Array[];
  readonly eContentType?: string;
  readonly eContent?: Uint8Array;
}): Uint8Array {
  const eContentType = options.eContentType ?? oid.data;
  // RFC 5652 §5.1: version 3 when eContentType is not id-data, else 1 (no v2 SignerInfos or attribute certs).
  const version = eContentType === oid.data ? 1 : 3;
  const encapContentInfo = sequence(
    objectIdentifier(eContentType),
    ...(options.eContent ? [explicit(0, octetString(options.eContent))] : []),
  );
  const uniqueCertificates = dedupe(options.certificates);
  const signedData = sequence(
    integer(version),
    setOf([sha256AlgorithmIdentifier()]),
    encapContentInfo,
    ...(uniqueCertificates.length ? [retag(setOf(uniqueCertificates), 0xa0)] : []),
    setOf(options.signerInfos),
  );
  return sequence(objectIdentifier(oid.signedData), explicit(0, signedData));
}

function dedupe(items: readonly Uint8Array[]): Uint8Array[] {
  const unique: Uint8Array[] = [];
  for (const item of items) {
    if (!unique.some((kept) => equalBytes(kept, item))) {
      unique.push(item);
    }
  }
  return unique;
}

function retag(bytes: Uint8Array, tag: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[0] = tag;
  return copy;
}

// ───────────────────────────── parsing ─────────────────────────────

export interface ParsedAttribute {
  readonly type: string;
  readonly values: readonly Element[];
  readonly der: Uint8Array;
}

export interface ParsedSignerInfo {
  readonly element: Element;
  readonly version: bigint;
  readonly issuer?: Uint8Array;
  readonly serialNumber?: Uint8Array;
  readonly subjectKeyIdentifier?: Uint8Array;
  readonly digestAlgorithm: string;
  /** The signed attributes re-tagged as SET OF (0x31): the exact bytes the signature covers. */
  readonly signedAttributesDer?: Uint8Array;
  readonly signedAttributes: readonly ParsedAttribute[];
  readonly signatureAlgorithm: Element;
  readonly signature: Uint8Array;
  readonly unsignedAttributes: readonly ParsedAttribute[];
}

export interface ParsedSignedData {
  readonly eContentType: string;
  readonly eContent?: Uint8Array;
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly signerInfos: readonly ParsedSignerInfo[];
  /** Elements of the structure, for re-assembling with added unsigned attributes. */
  readonly contentInfo: Element;
  readonly signedData: Element;
}

function parseAttributes(wrapper: Element): ParsedAttribute[] {
  return children(wrapper).map((attribute) => {
    const [type, values] = children(expectTag(attribute, 0x30, 'Attribute'));
    return {
      type: readOid(type),
      values: children(expectTag(values, 0x31, 'attrValues')),
      der: encoded(attribute),
    };
  });
}

function parseSignerInfo(element: Element): ParsedSignerInfo {
  const fields = children(expectTag(element, 0x30, 'SignerInfo'));
  let index = 0;
  const versionElement = expectTag(fields[index++], 0x02, 'SignerInfo.version');
  const version = BigInt(content(versionElement)[0] ?? 0);
  const sid = fields[index++];
  let issuer: Uint8Array | undefined;
  let serialNumber: Uint8Array | undefined;
  let subjectKeyIdentifier: Uint8Array | undefined;
  if (sid?.tag === 0x30) {
    const [issuerElement, serialElement] = children(sid);
    issuer = encoded(expectTag(issuerElement, 0x30, 'issuer'));
    serialNumber = content(expectTag(serialElement, 0x02, 'serialNumber'));
  } else if (sid?.tag === 0x80) {
    subjectKeyIdentifier = content(sid);
  } else {
    throw new PkiError(
      'MALFORMED_INPUT',
      'SignerInfo.sid is neither issuerAndSerialNumber nor subjectKeyIdentifier',
    );
  }
  const digestAlgorithm = readOid(children(expectTag(fields[index++], 0x30, 'digestAlgorithm'))[0]);
  let signedAttributesDer: Uint8Array | undefined;
  let signedAttributes: ParsedAttribute[] = [];
  if (fields[index]?.tag === 0xa0) {
    const wrapper = fields[index++]!;
    signedAttributesDer = new Uint8Array(encoded(wrapper));
    signedAttributesDer[0] = 0x31;
    signedAttributes = parseAttributes(wrapper);
  }
  const signatureAlgorithm = expectTag(fields[index++], 0x30, 'signatureAlgorithm');
  const signature = content(expectTag(fields[index++], 0x04, 'signature'));
  const unsignedAttributes = fields[index]?.tag === 0xa1 ? parseAttributes(fields[index]!) : [];
  return {
    element,
    version,
    ...(issuer ? { issuer } : {}),
    ...(serialNumber ? { serialNumber } : {}),
    ...(subjectKeyIdentifier ? { subjectKeyIdentifier } : {}),
    digestAlgorithm,
    ...(signedAttributesDer ? { signedAttributesDer } : {}),
    signedAttributes,
    signatureAlgorithm,
    signature,
    unsignedAttributes,
  };
}

/** Parses a DER ContentInfo holding SignedData; anything else → PkiError('MALFORMED_INPUT'). */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  return readingAs('CMS SignedData', () => {
    const contentInfo = readRoot(der);
    const [contentType, wrapper] = children(expectTag(contentInfo, 0x30, 'ContentInfo'));
    if (readOid(contentType) !== oid.signedData) {
      throw new PkiError('MALFORMED_INPUT', 'ContentInfo is not SignedData');
    }
    const signedData = children(expectTag(wrapper, 0xa0, 'ContentInfo.content'))[0]!;
    const fields = children(expectTag(signedData, 0x30, 'SignedData'));
    const encap = children(expectTag(fields[2], 0x30, 'encapContentInfo'));
    const eContentType = readOid(encap[0]);
    const eContentWrapper = encap[1] ? expectTag(encap[1], 0xa0, 'eContent') : undefined;
    const eContentElement = eContentWrapper ? children(eContentWrapper)[0] : undefined;
    const eContent = eContentElement ? octets(eContentElement) : undefined;
    let index = 3;
    let certificates: Uint8Array[] = [];
    let crls: Uint8Array[] = [];
    if (fields[index]?.tag === 0xa0) {
      // Only plain X.509 certificates (SEQUENCE); other CertificateChoices are ignored.
      certificates = children(fields[index++]!)
        .filter((c) => c.tag === 0x30)
        .map(encoded);
    }
    if (fields[index]?.tag === 0xa1) {
      crls = children(fields[index++]!)
        .filter((c) => c.tag === 0x30)
        .map(encoded);
    }
    const signerInfos = children(expectTag(fields[index], 0x31, 'signerInfos')).map(parseSignerInfo);
    return {
      eContentType,
      ...(eContent ? { eContent } : {}),
      certificates,
      crls,
      signerInfos,
      contentInfo,
      signedData,
    };
  });
}

/** Rebuilds ContentInfo with one SignerInfo replaced, every other byte of SignedData kept verbatim. */
export function replaceSignerInfo(
  parsed: ParsedSignedData,
  index: number,
  signerInfo: Uint8Array,
): Uint8Array {
  const fields = children(parsed.signedData);
  const signerInfosElement = fields[fields.length - 1]!;
  const signerInfos = children(signerInfosElement).map(encoded);
  signerInfos[index] = signerInfo;
  const rebuilt = sequence(...fields.slice(0, -1).map(encoded), setOf(signerInfos));
  return sequence(objectIdentifier(oid.signedData), explicit(0, rebuilt));
}

/** The SignerInfo's fields verbatim, with its unsigned attributes replaced by `unsigned`. */
export function encodeSignerInfoWithUnsigned(
  signerInfo: ParsedSignerInfo,
  unsigned: readonly Uint8Array[],
): Uint8Array {
  const kept = children(signerInfo.element)
    .filter((field) => field.tag !== 0xa1)
    .map(encoded);
  return sequence(...kept, ...(unsigned.length ? [retag(setOf(unsigned), 0xa1)] : []));
}
