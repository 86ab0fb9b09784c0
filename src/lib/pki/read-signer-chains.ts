/**
 * The certificate chains a validator needs for a CAdES signature, as PAdES B-LT puts them in the DSS
 * (ETSI EN 319 142-1 §5.4.2): the signer's, and for each signature timestamp in the unsigned attributes
 * (RFC 3161 Appendix A, ETSI EN 319 122-1 §5.3) the TSA's. Each chain starts at the end-entity certificate
 * and climbs by issuer name and signature through the certificates at hand (the CMS's, each token's and
 * `extraCertificates`) until a self-issued certificate or no issuer is found. Nothing is validated here:
 * verifyCadesSignature does that against trust anchors.
 */
import { PkiError } from './errors.ts';
import { equalBytes, type ParsedCertificate, parseCertificate } from './internal/certificate.ts';
import { signedBy } from './internal/chain.ts';
import { findSigner } from './internal/check-signer-info.ts';
import { type ParsedSignedData, parseSignedData } from './internal/cms.ts';
import { oid } from './internal/oids.ts';
import { parseTimeStampToken } from './internal/tsp.ts';

export interface SignerChains {
  /** DER certificates, signer first, then its issuers as far as they are known. */
  readonly signer: readonly Uint8Array[];
  /** One chain per signature timestamp of the (first) SignerInfo, TSA certificate first. */
  readonly timestampAuthorities: ReadonlyArray<readonly Uint8Array[]>;
}

export interface ReadSignerChainsOptions {
  /** Issuer certificates that may be missing from the CMS (a signer's configured chain, the roots). */
  readonly extraCertificates?: readonly Uint8Array[];
}

const MAX_DEPTH = 10;

export function readSignerChains(cms: Uint8Array, options: ReadSignerChainsOptions = {}): SignerChains {
  const signedData = parseSignedData(cms);
  const extra = options.extraCertificates ?? [];
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) {
    throw new PkiError('MALFORMED_INPUT', 'the SignedData has no SignerInfo');
  }
  const timestampAuthorities: Uint8Array[][] = [];
  for (const attribute of signerInfo.unsignedAttributes) {
    if (attribute.type !== oid.signatureTimeStampToken) {
      continue;
    }
    for (const value of attribute.values) {
      const token = parseTimeStampToken(value.bytes.subarray(value.start, value.end)).signedData;
      timestampAuthorities.push(
        chainOf(token, [...token.certificates, ...signedData.certificates, ...extra]),
      );
    }
  }
  return { signer: chainOf(signedData, [...signedData.certificates, ...extra]), timestampAuthorities };
}

function chainOf(signedData: ParsedSignedData, certificates: readonly Uint8Array[]): Uint8Array[] {
  const info = signedData.signerInfos[0];
  const signer = info ? findSigner(certificates, info) : undefined;
  if (!signer) {
    throw new PkiError('MALFORMED_INPUT', 'the certificate of the signer is not in the SignedData');
  }
  const pool = certificates.flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
  const chain: ParsedCertificate[] = [signer];
  for (let current = signer; chain.length < MAX_DEPTH; ) {
    if (equalBytes(current.subject, current.issuer)) {
      break; // self-issued: a root
    }
    const issuer = pool.find((candidate) => !chain.includes(candidate) && signedBy(current, candidate));
    if (!issuer) {
      break;
    }
    chain.push(issuer);
    current = issuer;
  }
  return chain.map((certificate) => new Uint8Array(certificate.der));
}
