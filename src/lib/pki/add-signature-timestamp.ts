/**
 * Adds an RFC 3161 signature timestamp to an existing CMS (CAdES B-B → B-T): the TimeStampToken goes into
 * the first SignerInfo's unsigned attributes as id-aa-signatureTimeStampToken (RFC 3161 Appendix A).
 * Every signed byte stays as it was, so the CMS signature remains valid.
 */
import { PkiError } from './errors.ts';
import { equalBytes, sha256 } from './internal/certificate.ts';
import {
  attribute,
  encodeSignerInfoWithUnsigned,
  parseSignedData,
  replaceSignerInfo,
} from './internal/cms.ts';
import { oid } from './internal/oids.ts';
import { parseTimeStampToken } from './internal/tsp.ts';

export function addSignatureTimestamp(cms: Uint8Array, tokenDer: Uint8Array): Uint8Array {
  const parsed = parseSignedData(cms);
  const signerInfo = parsed.signerInfos[0];
  if (!signerInfo) {
    throw new PkiError('MALFORMED_INPUT', 'the CMS has no SignerInfo');
  }
  const token = parseTimeStampToken(tokenDer);
  if (!equalBytes(token.tstInfo.hashedMessage, sha256(signerInfo.signature))) {
    throw new PkiError('INVALID_ARGUMENT', 'the timestamp does not cover this signature value');
  }
  const unsigned = [
    ...signerInfo.unsignedAttributes.map((a) => a.der),
    attribute(oid.signatureTimeStampToken, tokenDer),
  ];
  return replaceSignerInfo(parsed, 0, encodeSignerInfoWithUnsigned(signerInfo, unsigned));
}
