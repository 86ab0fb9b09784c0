/**
 * One-call PAdES signing (ETSI EN 319 142-1 baseline levels) with any `Signer`:
 * - B-B: CAdES detached signature (no signing-time attribute, /M carries the time), SubFilter ETSI.CAdES.detached;
 * - B-T: plus an RFC 3161 signature timestamp in the CMS unsigned attributes;
 * - B-LT: plus a DSS update with the certificates of the signer's and the TSA's chains and their revocation
 *   data (`revocationData`, `validationData`);
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
import {
  buildValidationData,
  mergeValidationData,
  type RevocationDataSource,
} from './internal/validation-data.ts';
import { type PreparePdfSignatureOptions, preparePdfSignature } from './prepare-signature.ts';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface SignPdfOptions extends Omit<PreparePdfSignatureOptions, 'contentsSize' | 'subFilter'> {
  level?: PadesLevel;
  /** RFC 3161 client: needed from B-T on. */
  timestamp?: TimestampCallback;
  /**
   * B-LT: revocation data for one certificate given its issuer, e.g. `fetchRevocationData` of src/lib/pki
   * (OCSP/CRL from the URLs the certificate names) or a local cache. signPdf calls it, after the signature
   * and its timestamp exist (so the answers are newer than the timestamp), for every certificate of the
   * signer's chain and of the signature timestamp's TSA chain but the roots; the DSS then holds both
   * chains' certificates and these answers (ETSI EN 319 142-1 §5.4.2).
   */
  revocationData?: RevocationDataSource;
  /**
   * B-LT data added as given (certificates, CRLs, OCSP responses), besides what `revocationData` brings.
   * A function is called after the signature is made, with the CMS.
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
  if (rank >= 2 && !options.validationData && !options.revocationData) {
    throw new PdfError(
      'INVALID_ARGUMENT',
      `level ${level} needs revocation data (revocationData or validationData: certificates, CRLs, OCSP)`,
    );
  }
  const tokenSize = rank >= 1 && timestamp ? await probeTimestampSize(timestamp) : 0;
  const {
    level: _level,
    timestamp: _ts,
    validationData,
    revocationData,
    contentsSize,
    ...prepareOptions
  } = options;
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
  if (rank >= 2) {
    const given = typeof validationData === 'function' ? await validationData(cms) : (validationData ?? {});
    let built: PdfValidationData;
    try {
      built = await buildValidationData(cms, revocationData, signer.chain);
    } catch (error) {
      throw new PdfError('SIGNING_FAILED', `collecting B-LT data failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    out = addPdfValidationData(out, mergeValidationData(built, given));
  }
  if (rank >= 3 && timestamp) {
    out = await addPdfDocumentTimestamp(out, timestamp, { tokenSize }); // same TSA: the probed size fits
  }
  return out;
}
