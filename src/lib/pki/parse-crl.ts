/** Reads an X.509 v2 CRL (RFC 5280 §5.1); the signature is checked by the validator, not here. */

import {
  children,
  content,
  type Element,
  encoded,
  expectTag,
  readElement,
  readInteger,
  readOid,
  readRoot,
  readTime,
} from './internal/der.ts';
import { readingAs } from './internal/malformed.ts';
import { decodeName } from './internal/name.ts';
import { oid } from './internal/oids.ts';
import { type RevocationReason, reasonFromCode } from './internal/revocation-reason.ts';

export interface CrlEntry {
  /** Lowercase hex of the serial INTEGER content, as in ParsedCertificate.serialHex. */
  readonly serial: string;
  readonly at: Date;
  readonly reason?: RevocationReason;
}

export interface ParsedCrl {
  readonly der: Uint8Array;
  /** Issuer Name DER, compared byte-for-byte with the CA certificate's subject. */
  readonly issuer: Uint8Array;
  readonly issuerFields: ReadonlyArray<readonly [string, string]>;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly crlNumber?: bigint;
  readonly revoked: readonly CrlEntry[];
  /** For signature checks: the TBSCertList bytes, its AlgorithmIdentifier element and the signature. */
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: Element;
  readonly signature: Uint8Array;
}

function extensionsOf(wrapper: Element | undefined): Map<string, Uint8Array> {
  const map = new Map<string, Uint8Array>();
  for (const extension of wrapper ? children(wrapper) : []) {
    const parts = children(extension);
    map.set(readOid(parts[0]), content(expectTag(parts[parts.length - 1], 0x04, 'extnValue')));
  }
  return map;
}

export function parseCrl(der: Uint8Array): ParsedCrl {
  return readingAs('CRL', () => {
    const [tbsElement, signatureAlgorithm, signature] = children(readRoot(der));
    const fields = children(expectTag(tbsElement, 0x30, 'TBSCertList'));
    let index = fields[0]?.tag === 0x02 ? 1 : 0;
    index++; // signature AlgorithmIdentifier
    const issuer = expectTag(fields[index++], 0x30, 'issuer');
    const thisUpdate = readTime(fields[index++]);
    let nextUpdate: Date | undefined;
    if (fields[index]?.tag === 0x17 || fields[index]?.tag === 0x18) {
      nextUpdate = readTime(fields[index++]);
    }
    const revoked: CrlEntry[] = [];
    if (fields[index]?.tag === 0x30) {
      for (const entry of children(fields[index++]!)) {
        const [serial, date, extensions] = children(entry);
        const reasonValue = extensionsOf(extensions).get(oid.crlReason);
        const reason = reasonValue
          ? reasonFromCode(Number(readInteger({ ...readElement(reasonValue), tag: 0x02 })))
          : undefined;
        revoked.push({
          serial: Buffer.from(content(expectTag(serial, 0x02, 'userCertificate'))).toString('hex'),
          at: readTime(date),
          ...(reason ? { reason } : {}),
        });
      }
    }
    const crlExtensions = fields[index]?.tag === 0xa0 ? extensionsOf(children(fields[index]!)[0]) : new Map();
    const number = crlExtensions.get(oid.crlNumber);
    return {
      der,
      issuer: encoded(issuer),
      issuerFields: decodeName(issuer),
      thisUpdate,
      ...(nextUpdate ? { nextUpdate } : {}),
      ...(number ? { crlNumber: readInteger(readElement(number)) } : {}),
      revoked,
      tbs: encoded(tbsElement!),
      signatureAlgorithm: expectTag(signatureAlgorithm, 0x30, 'signatureAlgorithm'),
      signature: content(expectTag(signature, 0x03, 'signatureValue')).subarray(1),
    };
  });
}
