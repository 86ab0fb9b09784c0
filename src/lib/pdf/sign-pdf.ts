/**
 * One-call PAdES signing (ETSI EN 319 142-1 baseline levels) with any `Signer`:
 * - B-B: CAdES detached signature (no signing-time attribute, /M carries the time), SubFilter ETSI.CAdES.detached;
 * - B-T: plus an RFC 3161 signature timestamp in the CMS unsigned attributes;
 * - B-LT: plus a DSS update with certificates and revocation data (`validationData`);
 * - B-LTA: plus a document timestamp after the DSS.
 * Each step is its own incremental update, so every earlier signature stays valid.
 */

import { createHash } from 'node:crypto';
import { assembleCadesSignature, prepareCadesSignature, type Signer } from '../pki/index.ts';
import { addPdfDocumentTimestamp } from './add-document-timestamp.ts';
import { addPdfValidationData, type PdfValidationData } from './add-validation-data.ts';
import { embedPdfSignature } from './embed-signature.ts';
import { PdfError } from './errors.ts';
import { estimateCmsSize } from './estimate-cms-size.ts';
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
