/**
 * Reads a TimeStampResp (RFC 3161 §2.4.2). Returns the token when the status is granted (0) or
 * grantedWithMods (1); any other status → PkiError('TIMESTAMP_REJECTED') with the TSA's status text.
 * With `request`, the token must answer that request: same message imprint, same nonce (§2.4.2).
 */
import { PkiError } from './errors.ts';
import { equalBytes } from './internal/certificate.ts';
import { children, content, encoded, expectTag, readInteger, readRoot } from './internal/der.ts';
import { parseTimeStampRequest, parseTimeStampToken, type TstInfo } from './internal/tsp.ts';

export interface TimestampResponse {
  readonly status: 0 | 1;
  /** DER ContentInfo of the TimeStampToken, ready for addSignatureTimestamp / assembleCadesSignature. */
  readonly token: Uint8Array;
  readonly tstInfo: TstInfo;
}

export function parseTimestampResponse(
  der: Uint8Array,
  options: { request?: Uint8Array } = {},
): TimestampResponse {
  let status: bigint;
  let statusText = '';
  let tokenElement: ReturnType<typeof readRoot> | undefined;
  try {
    const [statusInfo, token] = children(expectTag(readRoot(der), 0x30, 'TimeStampResp'));
    const statusFields = children(expectTag(statusInfo, 0x30, 'PKIStatusInfo'));
    status = readInteger(statusFields[0]);
    if (statusFields[1]?.tag === 0x30) {
      statusText = children(statusFields[1])
        .map((text) => new TextDecoder().decode(content(text)))
        .join('; ');
    }
    tokenElement = token;
  } catch (cause) {
    if (cause instanceof PkiError) {
      throw cause;
    }
    throw new PkiError('MALFORMED_INPUT', 'not a readable TimeStampResp', { cause });
  }
  if (status !== 0n && status !== 1n) {
    throw new PkiError(
      'TIMESTAMP_REJECTED',
      `the TSA refused (status ${status})${statusText ? `: ${statusText}` : ''}`,
    );
  }
  if (!tokenElement) {
    throw new PkiError('MALFORMED_INPUT', 'a granted TimeStampResp without a token');
  }
  const token = new Uint8Array(encoded(tokenElement));
  const { tstInfo } = parseTimeStampToken(token);
  if (options.request) {
    const request = parseTimeStampRequest(options.request);
    if (
      request.hashAlgorithm !== tstInfo.hashAlgorithm ||
      !equalBytes(request.hashedMessage, tstInfo.hashedMessage) ||
      request.nonce !== tstInfo.nonce
    ) {
      throw new PkiError(
        'MALFORMED_INPUT',
        'the timestamp does not answer this request (imprint or nonce differ)',
      );
    }
  }
  return { status: status === 0n ? 0 : 1, token, tstInfo };
}
