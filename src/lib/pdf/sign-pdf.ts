/**
 * One-call PAdES signing (ETSI EN 319 142-1 baseline levels) with any `Signer`:
 * - B-B: CAdES detached signature (no signing-time attribute, /M carries the time), SubFilter ETSI.CAdES.detached;
 * - B-T: plus an RFC 3161 signature timestamp in the CMS unsigned attributes;
 * - B-LT: plus a DSS update with certificates and revocation data (`validationData`);
 * - B-LTA: plus a document timestamp after the DSS.
 * Each step is its own incremental update, so every earlier signature stays valid.
 */

import { createHash, X509Certificate } from 'node:crypto';
import { assembleCadesSignature } from '../pki/assemble-cades-signature.ts';
import { prepareCadesSignature } from '../pki/prepare-cades-signature.ts';
import type { Signer } from '../pki/signer.ts';
import { addPdfDocumentTimestamp } from './add-document-timestamp.ts';
import { addPdfValidationData, type PdfValidationData } from './add-validation-data.ts';
import { embedPdfSignature } from './embed-signature.ts';
import { PdfError } from './errors.ts';
import { callTimestamp, probeTimestampSize, type TimestampCallback } from './internal/timestamp.ts';
import { type PreparePdfSignatureOptions, preparePdfSignature } from './prepare-signature.ts';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface SignPdfOptions extends Omit<PreparePdfSignatureOptions, 'contentsSize' | 'subFilter'> {
  level?: PadesLevel;
  /** RFC 3161 client: needed from B-T on. */
  timestamp?: TimestampCallback;
  /**
   * B-LT data: certificates, CRLs and OCSP responses for the signer's and the TSA's chains. A function is
   * called after the signature is made (revocation data should be newer than the signature timestamp).
   */
  validationData?: PdfValidationData | ((cms: Uint8Array) => Promise<PdfValidationData>);
  /** Override the reserved CMS size (bytes). */
  contentsSize?: number;
}

export const PADES_LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

export async function signPdf(
  pdf: Uint8Array,
  signer: Signer,
  options: SignPdfOptions = {},
): Promise<Uint8Array> {
  const level = options.level ?? 'B-B';
  const rank = PADES_LEVELS.indexOf(level);
  if (rank < 0) {
    throw new PdfError('INVALID_ARGUMENT', `unknown PAdES level ${String(level)}`);
  }
  const timestamp = options.timestamp;
  if (rank >= 1 && !timestamp) {
    throw new PdfError('INVALID_ARGUMENT', `level ${level} needs a timestamp authority`);
  }
  if (rank >= 2 && !options.validationData) {
    throw new PdfError('INVALID_ARGUMENT', `level ${level} needs validation data (certificates, CRLs, OCSP)`);
  }
  const tokenSize = rank >= 1 && timestamp ? await probeTimestampSize(timestamp) : 0;
  const { level: _level, timestamp: _ts, validationData, contentsSize, ...prepareOptions } = options;
  const prepared = await preparePdfSignature(pdf, {
    ...prepareOptions,
    contentsSize: contentsSize ?? estimateCmsSize(signer) + tokenSize,
  });
  let cms: Uint8Array;
  try {
    const cades = prepareCadesSignature({
      contentDigest: prepared.digest,
      certificate: signer.certificate,
      chain: signer.chain,
      algorithm: signer.algorithm,
    });
    const signature = await signer.signDigest(cades.digestToSign);
    const token =
      rank >= 1 && timestamp
        ? await callTimestamp(timestamp, createHash('sha256').update(signature).digest())
        : undefined;
    cms = assembleCadesSignature({
      prepared: cades,
      signature,
      ...(token ? { unsignedTimestamp: token } : {}),
    });
  } catch (error) {
    if (error instanceof PdfError) {
      throw error;
    }
    throw new PdfError('SIGNING_FAILED', `signing failed: ${(error as Error).message}`, { cause: error });
  }
  let out = embedPdfSignature(prepared, cms);
  if (rank >= 2 && validationData) {
    const data = typeof validationData === 'function' ? await validationData(cms) : validationData;
    out = addPdfValidationData(out, data);
  }
  if (rank >= 3 && timestamp) {
    out = await addPdfDocumentTimestamp(out, timestamp, { tokenSize }); // same TSA: the probed size fits
  }
  return out;
}

const sizeCache = new WeakMap<Signer, number>();

/**
 * A tight upper bound of the DER SignedData size (RFC 5652 §5), so the /Contents placeholder follows the
 * real CMS: the certificates, the signed attributes (built once for their exact length), the issuer name
 * and serial taken from the certificate's TBSCertificate, the signature (RSA modulus length, or 72 bytes for
 * a DER ECDSA-Sig-Value on P-256), and 256 bytes for the fixed structure around them.
 */
export function estimateCmsSize(signer: Signer): number {
  const cached = sizeCache.get(signer);
  if (cached !== undefined) {
    return cached;
  }
  const certs = [signer.certificate, ...signer.chain].reduce((sum, c) => sum + c.length, 0);
  const attributes = prepareCadesSignature({
    contentDigest: new Uint8Array(32),
    certificate: signer.certificate,
    chain: [],
    algorithm: signer.algorithm,
  }).signedAttributes.length;
  const { issuer, serial } = issuerAndSerialLength(signer.certificate);
  const key = new X509Certificate(signer.certificate).publicKey.asymmetricKeyDetails;
  const signature =
    signer.algorithm === 'ecdsa-p256-sha256' ? 72 : Math.ceil((key?.modulusLength ?? 4096) / 8);
  const size = certs + attributes + issuer + serial + signature + 256;
  sizeCache.set(signer, size);
  return size;
}

/** X.509 (RFC 5280 §4.1): Certificate → tbsCertificate → [0] version?, serialNumber, signature, issuer. */
function issuerAndSerialLength(der: Uint8Array): { issuer: number; serial: number } {
  const tlv = (at: number) => {
    const first = der[at + 1] ?? 0;
    if (first < 0x80) {
      return { header: 2, length: first };
    }
    const n = first & 0x7f;
    let length = 0;
    for (let i = 0; i < n; i++) {
      length = length * 256 + (der[at + 2 + i] ?? 0);
    }
    return { header: 2 + n, length };
  };
  const tbs = tlv(0).header;
  let at = tbs + tlv(tbs).header;
  if (der[at] === 0xa0) {
    const v = tlv(at);
    at += v.header + v.length;
  }
  const serial = tlv(at);
  at += serial.header + serial.length;
  const algorithm = tlv(at);
  at += algorithm.header + algorithm.length;
  const issuer = tlv(at);
  return { issuer: issuer.header + issuer.length, serial: serial.header + serial.length };
}
