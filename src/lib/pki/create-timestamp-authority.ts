/**
 * An in-process RFC 3161 timestamp authority: answers a DER TimeStampReq with a DER TimeStampResp
 * (RFC 3161 §2.4.2). The token is a SignedData over TSTInfo signed with the TSA key, carrying
 * signing-certificate-v2 (RFC 5816) and, when certReq is set, the TSA certificate and its chain.
 * Bad requests get a rejection response with PKIFailureInfo, never an exception.
 */
import { type KeyObject, randomBytes, sign } from 'node:crypto';
import { createKeySigner } from './create-key-signer.ts';
import { PkiError } from './errors.ts';
import { signatureAlgorithmIdentifier } from './internal/algorithms.ts';
import { parseCertificate, sha256 } from './internal/certificate.ts';
import { encodeSignedAttributes, encodeSignedData, encodeSignerInfo } from './internal/cms.ts';
import {
  explicit,
  generalizedTime,
  integer,
  namedBits,
  objectIdentifier,
  sequence,
  tlv,
  unsignedInteger,
  utf8String,
} from './internal/der.ts';
import { oid } from './internal/oids.ts';
import { hashLengths, parseTimeStampRequest } from './internal/tsp.ts';

export interface TimestampAuthorityOptions {
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  readonly chain?: readonly Uint8Array[];
  readonly clock?: () => Date;
  /** TSA policy OID; default the development policy. */
  readonly policy?: string;
  /** Policies accepted in reqPolicy besides the default. */
  readonly acceptedPolicies?: readonly string[];
}

export interface TimestampAuthority {
  readonly policy: string;
  respond(requestDer: Uint8Array): Promise<Uint8Array>;
}

export const developmentTsaPolicyOid = '2.25.129041381542804865072562697931627682040.2';

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
const failure = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
} as const;

function rejection(bit: number, text: string): Uint8Array {
  // PKIStatusInfo { status rejection(2), statusString SEQUENCE OF UTF8String, failInfo }
  return sequence(sequence(integer(2), sequence(utf8String(text)), namedBits([bit])));
}

export function createTimestampAuthority(options: TimestampAuthorityOptions): TimestampAuthority {
  const certificate = parseCertificate(options.certificate);
  // RFC 3161 §2.3: the TSA certificate has exactly one EKU, id-kp-timeStamping, marked critical.
  if (
    certificate.extendedKeyUsage?.length !== 1 ||
    certificate.extendedKeyUsage[0] !== oid.kpTimeStamping ||
    !certificate.criticalExtensions.includes(oid.extKeyUsage)
  ) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      'a TSA certificate needs the sole critical EKU id-kp-timeStamping',
    );
  }
  // createKeySigner refuses a key that does not belong to the certificate: fail now, not per request.
  const signer = createKeySigner({ privateKey: options.privateKey, certificate: options.certificate });
  const algorithm = signer.algorithm;
  const policy = options.policy ?? developmentTsaPolicyOid;
  const accepted = new Set([policy, ...(options.acceptedPolicies ?? [])]);
  const clock = options.clock ?? (() => new Date());
  const chain = options.chain ?? [];

  async function respond(requestDer: Uint8Array): Promise<Uint8Array> {
    let request: ReturnType<typeof parseTimeStampRequest>;
    try {
      request = parseTimeStampRequest(requestDer);
    } catch {
      return rejection(failure.badDataFormat, 'unreadable TimeStampReq');
    }
    if (hashLengths[request.hashAlgorithm] !== request.hashedMessage.length) {
      return rejection(failure.badAlg, 'unsupported hash algorithm or wrong digest length');
    }
    if (request.policy && !accepted.has(request.policy)) {
      return rejection(failure.unacceptedPolicy, `policy ${request.policy} is not offered`);
    }
    if (request.hasExtensions) {
      return rejection(failure.unacceptedExtension, 'no request extensions are supported');
    }
    const tstInfo = sequence(
      integer(1),
      objectIdentifier(request.policy ?? policy),
      request.messageImprint,
      unsignedInteger(Uint8Array.from(randomBytes(16), (b, i) => (i === 0 ? (b & 0x7f) | 0x40 : b))),
      generalizedTime(clock(), true),
      sequence(integer(1)), // accuracy: 1 second
      ...(request.nonceBytes ? [tlv(0x02, request.nonceBytes)] : []),
      explicit(0, tlv(0xa4, certificate.subject)), // tsa [0] GeneralName directoryName
    );
    const signedAttributes = encodeSignedAttributes(oid.tstInfo, sha256(tstInfo), options.certificate);
    // The signed attributes are at hand, so ECDSA is hashed and signed by OpenSSL in one call (about 30×
    // faster than signing a bare digest in JavaScript, which only the two-pass flow needs).
    const signature =
      algorithm === 'ecdsa-p256-sha256'
        ? new Uint8Array(sign('sha256', signedAttributes, options.privateKey))
        : await signer.signDigest(sha256(signedAttributes));
    const token = encodeSignedData({
      eContentType: oid.tstInfo,
      eContent: tstInfo,
      certificates: request.certReq ? [options.certificate, ...chain] : [],
      signerInfos: [
        encodeSignerInfo({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
          signedAttributes,
          signatureAlgorithm: signatureAlgorithmIdentifier(algorithm),
          signature,
        }),
      ],
    });
    return sequence(sequence(integer(0)), token); // status granted(0)
  }

  return { policy, respond };
}
