/** Reads an RFC 6960 OCSPRequest (§4.1.1): the certificates asked about and the nonce, for a responder. */

import { children, content, expectTag, readElement, readOid, readRoot } from './internal/der.ts';
import { readingAs } from './internal/malformed.ts';
import { oid } from './internal/oids.ts';

export interface ParsedOcspRequest {
  readonly requests: ReadonlyArray<{
    readonly hashAlgorithm: string;
    readonly issuerNameHash: Uint8Array;
    readonly issuerKeyHash: Uint8Array;
    /** Lowercase hex of the serial INTEGER content. */
    readonly serial: string;
  }>;
  readonly nonce?: Uint8Array;
}

export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  return readingAs('OCSP request', () => {
    const [tbs] = children(expectTag(readRoot(der), 0x30, 'OCSPRequest'));
    const fields = children(expectTag(tbs, 0x30, 'TBSRequest'));
    const list = fields.find((field) => field.tag === 0x30);
    const requests = children(expectTag(list, 0x30, 'requestList')).map((request) => {
      const [hashAlgorithm, nameHash, keyHash, serial] = children(children(request)[0]!);
      return {
        hashAlgorithm: readOid(children(expectTag(hashAlgorithm, 0x30, 'hashAlgorithm'))[0]),
        issuerNameHash: content(expectTag(nameHash, 0x04, 'issuerNameHash')),
        issuerKeyHash: content(expectTag(keyHash, 0x04, 'issuerKeyHash')),
        serial: Buffer.from(content(expectTag(serial, 0x02, 'serialNumber'))).toString('hex'),
      };
    });
    let nonce: Uint8Array | undefined;
    const extensions = fields.find((field) => field.tag === 0xa2);
    for (const extension of extensions ? children(children(extensions)[0]!) : []) {
      const parts = children(extension);
      if (readOid(parts[0]) === oid.ocspNonce) {
        const value = content(parts[parts.length - 1]!);
        const inner = readElement(value);
        nonce = inner.tag === 0x04 && inner.end === value.length ? content(inner) : value;
      }
    }
    return { requests, ...(nonce ? { nonce } : {}) };
  });
}
