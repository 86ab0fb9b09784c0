/** Reads an RFC 6960 OCSPResponse; for a BasicOCSPResponse, every SingleResponse and the signing parts. */

import { PkiError } from './errors.ts';
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
} from './internal/der.ts';
import { readingAs } from './internal/malformed.ts';
import { oid } from './internal/oids.ts';
import { type RevocationReason, reasonFromCode } from './internal/revocation-reason.ts';

export type OcspResponseStatus =
  | 'successful'
  | 'malformedRequest'
  | 'internalError'
  | 'tryLater'
  | 'sigRequired'
  | 'unauthorized';

const statuses: Record<number, OcspResponseStatus> = {
  0: 'successful',
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
};

export interface OcspSingleResponse {
  readonly hashAlgorithm: string;
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  /** Lowercase hex of the serial INTEGER content. */
  readonly serial: string;
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly revokedAt?: Date;
  readonly reason?: RevocationReason;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
}

export interface ParsedOcspResponse {
  readonly der: Uint8Array;
  readonly status: OcspResponseStatus;
  /** Present when status is successful and the type is id-pkix-ocsp-basic. */
  readonly basic?: {
    readonly responderName?: Uint8Array;
    readonly responderKeyHash?: Uint8Array;
    readonly producedAt: Date;
    readonly responses: readonly OcspSingleResponse[];
    readonly nonce?: Uint8Array;
    readonly certificates: readonly Uint8Array[];
    readonly tbs: Uint8Array;
    readonly signatureAlgorithm: Element;
    readonly signature: Uint8Array;
  };
}

function parseSingle(element: Element): OcspSingleResponse {
  const [certId, certStatus, thisUpdate, ...rest] = children(element);
  const [hashAlgorithm, nameHash, keyHash, serial] = children(expectTag(certId, 0x30, 'CertID'));
  let status: OcspSingleResponse['status'];
  let revokedAt: Date | undefined;
  let reason: RevocationReason | undefined;
  if (certStatus?.tag === 0x80) {
    status = 'good';
  } else if (certStatus?.tag === 0xa1) {
    status = 'revoked';
    const [time, reasonWrapper] = children(certStatus);
    revokedAt = readTime(time);
    if (reasonWrapper) {
      reason = reasonFromCode(content(children(reasonWrapper)[0]!)[0] ?? 0);
    }
  } else if (certStatus?.tag === 0x82) {
    status = 'unknown';
  } else {
    throw new PkiError('MALFORMED_INPUT', 'bad OCSP CertStatus');
  }
  const next = rest.find((field) => field.tag === 0xa0);
  return {
    hashAlgorithm: readOid(children(expectTag(hashAlgorithm, 0x30, 'hashAlgorithm'))[0]),
    issuerNameHash: content(expectTag(nameHash, 0x04, 'issuerNameHash')),
    issuerKeyHash: content(expectTag(keyHash, 0x04, 'issuerKeyHash')),
    serial: Buffer.from(content(expectTag(serial, 0x02, 'serialNumber'))).toString('hex'),
    status,
    ...(revokedAt ? { revokedAt } : {}),
    ...(reason ? { reason } : {}),
    thisUpdate: readTime(thisUpdate),
    ...(next ? { nextUpdate: readTime(children(next)[0]) } : {}),
  };
}

export function parseOcspResponse(der: Uint8Array): ParsedOcspResponse {
  return readingAs('OCSP response', () => {
    const [statusElement, bytesWrapper] = children(expectTag(readRoot(der), 0x30, 'OCSPResponse'));
    const code = content(expectTag(statusElement, 0x0a, 'responseStatus'))[0] ?? 255;
    const status = statuses[code];
    if (!status) {
      throw new PkiError('MALFORMED_INPUT', `unknown OCSP responseStatus ${code}`);
    }
    if (!bytesWrapper) {
      return { der, status };
    }
    const [type, response] = children(children(expectTag(bytesWrapper, 0xa0, 'responseBytes'))[0]!);
    if (readOid(type) !== oid.ocspBasic) {
      return { der, status };
    }
    const basicBytes = content(expectTag(response, 0x04, 'response'));
    const [tbsElement, signatureAlgorithm, signature, certs] = children(readRoot(basicBytes));
    const fields = children(expectTag(tbsElement, 0x30, 'ResponseData'));
    let index = fields[0]?.tag === 0xa0 ? 1 : 0;
    const responderId = fields[index++]!;
    const producedAt = readTime(fields[index++]);
    const responses = children(expectTag(fields[index++], 0x30, 'responses')).map(parseSingle);
    let nonce: Uint8Array | undefined;
    const extensions = fields[index]?.tag === 0xa1 ? children(children(fields[index]!)[0]!) : [];
    for (const extension of extensions) {
      const parts = children(extension);
      if (readOid(parts[0]) === oid.ocspNonce) {
        const value = content(parts[parts.length - 1]!);
        const inner = readElement(value);
        nonce = inner.tag === 0x04 ? content(inner) : value;
      }
    }
    const responderInner = children(responderId)[0]!;
    return {
      der,
      status,
      basic: {
        ...(responderId.tag === 0xa1 ? { responderName: encoded(responderInner) } : {}),
        ...(responderId.tag === 0xa2 ? { responderKeyHash: content(responderInner) } : {}),
        producedAt,
        responses,
        ...(nonce ? { nonce } : {}),
        certificates: certs ? children(children(certs)[0]!).map(encoded) : [],
        tbs: encoded(tbsElement!),
        signatureAlgorithm: expectTag(signatureAlgorithm, 0x30, 'signatureAlgorithm'),
        signature: content(expectTag(signature, 0x03, 'signature')).subarray(1),
      },
    };
  });
}
