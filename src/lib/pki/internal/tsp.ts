/**
 * RFC 3161 structures: TimeStampToken (a SignedData whose eContent is TSTInfo, §2.4.2) and TimeStampResp.
 */

import { PkiError } from '../errors.ts';
import { type ParsedSignedData, parseSignedData } from './cms.ts';
import {
  children,
  content,
  type Element,
  expectTag,
  readInteger,
  readOid,
  readRoot,
  readTime,
} from './der.ts';
import { readingAs } from './malformed.ts';
import { oid } from './oids.ts';

export interface TstInfo {
  readonly policy: string;
  readonly hashAlgorithm: string;
  readonly hashedMessage: Uint8Array;
  /** Hex of the serial number INTEGER content. */
  readonly serialNumber: string;
  readonly genTime: Date;
  /** Accuracy in milliseconds, if given (RFC 3161 §2.4.2). */
  readonly accuracyMs?: number;
  readonly ordering: boolean;
  readonly nonce?: bigint;
}

export interface ParsedTimeStampToken {
  readonly signedData: ParsedSignedData;
  readonly tstInfo: TstInfo;
  readonly tstInfoDer: Uint8Array;
}

function readAccuracy(element: Element): number {
  let ms = 0;
  for (const field of children(element)) {
    const value = content(field).reduce((n, b) => n * 256 + b, 0);
    if (field.tag === 0x02) {
      ms += value * 1000;
    } else if (field.tag === 0x80) {
      ms += value;
    } else if (field.tag === 0x81) {
      ms += value / 1000;
    }
  }
  return ms;
}

export function parseTstInfo(der: Uint8Array): TstInfo {
  const fields = children(expectTag(readRoot(der), 0x30, 'TSTInfo'));
  if (readInteger(fields[0]) !== 1n) {
    throw new PkiError('MALFORMED_INPUT', 'TSTInfo version is not 1');
  }
  const policy = readOid(fields[1]);
  const [hashAlgorithm, hashedMessage] = children(expectTag(fields[2], 0x30, 'messageImprint'));
  const serial = expectTag(fields[3], 0x02, 'serialNumber');
  const genTime = readTime(expectTag(fields[4], 0x18, 'genTime'));
  let accuracyMs: number | undefined;
  let ordering = false;
  let nonce: bigint | undefined;
  for (const field of fields.slice(5)) {
    if (field.tag === 0x30) {
      accuracyMs = readAccuracy(field);
    } else if (field.tag === 0x01) {
      ordering = content(field)[0] !== 0;
    } else if (field.tag === 0x02) {
      nonce = readInteger(field);
    }
  }
  return {
    policy,
    hashAlgorithm: readOid(children(expectTag(hashAlgorithm, 0x30, 'hashAlgorithm'))[0]),
    hashedMessage: content(expectTag(hashedMessage, 0x04, 'hashedMessage')),
    serialNumber: Buffer.from(content(serial)).toString('hex'),
    genTime,
    ...(accuracyMs === undefined ? {} : { accuracyMs }),
    ordering,
    ...(nonce === undefined ? {} : { nonce }),
  };
}

export function parseTimeStampToken(der: Uint8Array): ParsedTimeStampToken {
  const signedData = parseSignedData(der);
  const eContent = signedData.eContent;
  if (signedData.eContentType !== oid.tstInfo || !eContent) {
    throw new PkiError('MALFORMED_INPUT', 'the SignedData does not encapsulate a TSTInfo (RFC 3161 §2.4.2)');
  }
  return readingAs('TSTInfo', () => ({ signedData, tstInfo: parseTstInfo(eContent), tstInfoDer: eContent }));
}

export const hashLengths: Record<string, number> = {
  [oid.sha256]: 32,
  '2.16.840.1.101.3.4.2.2': 48, // SHA-384
  '2.16.840.1.101.3.4.2.3': 64, // SHA-512
};

export interface ParsedTimeStampRequest {
  readonly hashAlgorithm: string;
  readonly hashedMessage: Uint8Array;
  /** DER of the MessageImprint, copied verbatim into TSTInfo (RFC 3161 §2.4.2). */
  readonly messageImprint: Uint8Array;
  readonly policy?: string;
  readonly nonce?: bigint;
  /** Content bytes of the nonce INTEGER, copied verbatim into TSTInfo. */
  readonly nonceBytes?: Uint8Array;
  readonly certReq: boolean;
  readonly hasExtensions: boolean;
}

/** TimeStampReq (RFC 3161 §2.4.1). */
export function parseTimeStampRequest(der: Uint8Array): ParsedTimeStampRequest {
  return readingAs('TimeStampReq', () => {
    const fields = children(expectTag(readRoot(der), 0x30, 'TimeStampReq'));
    if (readInteger(fields[0]) !== 1n) {
      throw new PkiError('MALFORMED_INPUT', 'TimeStampReq version is not 1');
    }
    const imprint = expectTag(fields[1], 0x30, 'messageImprint');
    const [hashAlgorithm, hashedMessage] = children(imprint);
    let policy: string | undefined;
    let nonce: bigint | undefined;
    let nonceBytes: Uint8Array | undefined;
    let certReq = false;
    let hasExtensions = false;
    for (const field of fields.slice(2)) {
      if (field.tag === 0x06) {
        policy = readOid(field);
      } else if (field.tag === 0x02) {
        nonce = readInteger(field);
        nonceBytes = content(field);
      } else if (field.tag === 0x01) {
        certReq = content(field)[0] !== 0;
      } else if (field.tag === 0xa0) {
        hasExtensions = true;
      }
    }
    return {
      hashAlgorithm: readOid(children(expectTag(hashAlgorithm, 0x30, 'hashAlgorithm'))[0]),
      hashedMessage: content(expectTag(hashedMessage, 0x04, 'hashedMessage')),
      messageImprint: imprint.bytes.subarray(imprint.start, imprint.end),
      ...(policy ? { policy } : {}),
      ...(nonce === undefined ? {} : { nonce, nonceBytes: nonceBytes! }),
      certReq,
      hasExtensions,
    };
  });
}
