/**
 * Validation of every signature and document timestamp of a PDF (ETSI EN 319 102-1 in spirit, PAdES
 * EN 319 142-1): for each, the /ByteRange is exactly `[0 a b len-b]` around its /Contents hex string and
 * ends at a revision's end (ISO 32000-2 §12.8.1), the CMS verifies over those bytes (pki
 * verifyCadesSignature: digest, signature, signing-certificate-v2, chain, revocation from the CMS and the
 * DSS, signature timestamp), the PAdES level reached, and what later revisions changed (only signatures,
 * DSS and document timestamps are allowed). Verdicts TOTAL_PASSED / TOTAL_FAILED / INDETERMINATE
 * (EN 319 102-1 §5.1.3) with reasons.
 */
import { createHash } from 'node:crypto';
import {
  type CadesVerification,
  PkiError,
  type TimestampVerification,
  verifyCadesSignature,
  verifyTimestampToken,
} from '../pki/index.ts';
import { berToDer } from './internal/ber.ts';
import { checkByteRange } from './internal/byte-range.ts';
import { parsePdfDate } from './internal/dates.ts';
import { PdfDocument } from './internal/document.ts';
import { type Dss, firstRevisionWithDss, readDss } from './internal/dss.ts';
import { readFieldLock } from './internal/field-lock.ts';
import {
  APPROVAL_POLICY,
  docMdpPolicy,
  findModifications,
  type ModificationPolicy,
} from './internal/modifications.ts';
import { isName } from './internal/objects.ts';
import { listSignatures, type SignatureEntry } from './internal/signatures.ts';

export type PdfVerdict = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

export type PdfSignatureProblem =
  /** /ByteRange is not four integers [0 a b c] inside the file. → failed */
  | 'BYTE_RANGE_INVALID'
  /** The gap of /ByteRange is not exactly this signature's /Contents hex string. → failed */
  | 'BYTE_RANGE_NOT_AROUND_CONTENTS'
  /** The signed bytes do not end at the end of a revision (%%EOF). → failed */
  | 'BYTE_RANGE_NOT_A_REVISION'
  /** A later revision changed something a signature protects (page content, annotations, objects). → failed */
  | 'MODIFIED_AFTER_SIGNING'
  /** /Contents is not a CMS SignedData / TimeStampToken that can be read. → failed */
  | 'CMS_UNREADABLE'
  /** A /SubFilter xaso does not validate (e.g. adbe.x509.rsa_sha1). → indeterminate */
  | 'UNSUPPORTED_SUBFILTER'
  /** The CMS validation failed (details in `cms.problems`). → failed */
  | 'CMS_FAILED'
  /** The CMS validation could not conclude (untrusted chain, unknown revocation…). → indeterminate */
  | 'CMS_INDETERMINATE'
  /** The document timestamp does not verify. → failed */
  | 'TIMESTAMP_FAILED';

export type PadesLevelReached = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface PdfSignatureReport {
  fieldName: string;
  kind: 'signature' | 'document-timestamp';
  subFilter: string;
  verdict: PdfVerdict;
  problems: PdfSignatureProblem[];
  /** The PAdES baseline level this signature reaches (none for adbe.pkcs7 or a failed signature). */
  level: PadesLevelReached | undefined;
  byteRange: number[];
  /** 0-based revision the signature closes; `coversWholeDocument` when it is the last one. */
  revision: number;
  coversWholeDocument: boolean;
  /** `certificateSha256`: hex SHA-256 of the signer's DER certificate (to look its status up elsewhere). */
  signer:
    | {
        commonName?: string;
        subject?: Record<string, string>;
        serialNumber?: string;
        certificateSha256?: string;
      }
    | undefined;
  /** /M of the signature dictionary, ISO 8601. */
  claimedSigningTime: string | undefined;
  /** genTime of the signature timestamp or the document timestamp. */
  timestampTime: string | undefined;
  reason: string | undefined;
  location: string | undefined;
  modifications: { allowed: string[]; disallowed: string[] };
  /** Problem and warning codes from the CMS / timestamp validation; revocation status of the signer's path. */
  cms: { verdict: string; problems: string[]; warnings: string[]; revocation?: string } | undefined;
}

export interface PdfVerificationReport {
  verdict: PdfVerdict;
  reasons: string[];
  revisions: number;
  signatures: PdfSignatureReport[];
}

export interface VerifyPdfOptions {
  /** DER root certificates to trust. */
  trustAnchors: readonly Uint8Array[];
  /** Fetch OCSP/CRL over the network when the embedded data does not settle revocation. */
  allowOnline?: boolean;
  /** Validation time; default now. */
  at?: Date;
  /** Missing (or stale) revocation data makes a signature INDETERMINATE instead of a warning. */
  requireRevocation?: boolean;
  /** How far (ms) an OCSP response may be produced from the validation time; default 24 hours. */
  ocspToleranceMs?: number;
}

export async function verifyPdf(pdf: Uint8Array, options: VerifyPdfOptions): Promise<PdfVerificationReport> {
  const doc = PdfDocument.open(pdf);
  const revisions = doc.revisions();
  const entries = listSignatures(doc).sort((a, b) => end(a) - end(b));
  const dss = readDss(doc);
  const dssEnd = firstRevisionWithDss(
    doc,
    revisions.map((r) => r.end),
  );
  const policy = certificationPolicy(doc);
  const reports: PdfSignatureReport[] = [];
  for (const entry of entries) {
    reports.push(await verifyOne(doc, entry, revisions, dss, options, policy));
  }
  // Levels (EN 319 142-1 §6): B-LT needs the DSS after the signature, B-LTA a valid document timestamp after it.
  const timestamps = reports
    .map((r, i) => ({ r, end: end(entries[i]!) }))
    .filter((x) => x.r.kind === 'document-timestamp' && x.r.verdict === 'TOTAL_PASSED');
  for (const [i, report] of reports.entries()) {
    if (report.kind !== 'signature' || !report.level) {
      continue;
    }
    const signedEnd = end(entries[i]!);
    if (report.level === 'B-B' && timestamps.some((t) => t.end > signedEnd)) {
      report.level = 'B-T';
    }
    // B-LT: the DSS came after the signature and its data settled the revocation of the signer's path.
    const isRevocationKnown = report.cms?.revocation === 'good';
    const hasRevocationData = dss.crls.length + dss.ocspResponses.length > 0;
    if (
      report.level === 'B-T' &&
      dssEnd !== undefined &&
      dssEnd > signedEnd &&
      hasRevocationData &&
      isRevocationKnown
    ) {
      report.level = 'B-LT';
      if (timestamps.some((t) => t.end > dssEnd)) {
        report.level = 'B-LTA';
      }
    }
  }
  const reasons: string[] = [];
  if (reports.length === 0) {
    reasons.push('NO_SIGNATURES');
  }
  const verdicts = reports.map((r) => r.verdict);
  const verdict: PdfVerdict =
    reports.length === 0
      ? 'INDETERMINATE'
      : verdicts.includes('TOTAL_FAILED')
        ? 'TOTAL_FAILED'
        : verdicts.includes('INDETERMINATE')
          ? 'INDETERMINATE'
          : 'TOTAL_PASSED';
  for (const r of reports) {
    if (r.verdict !== 'TOTAL_PASSED') {
      reasons.push(`${r.fieldName}: ${[...r.problems, ...(r.cms?.problems ?? [])].join(', ')}`);
    }
  }
  return { verdict, reasons, revisions: revisions.length, signatures: reports };
}

/**
 * The document's policy narrowed by the signature's FieldMDP lock (ISO 32000-2 §12.8.2.4): locked fields
 * stay as signed. On an approval signature (no DocMDP) a lock is the signer saying which fields are
 * settled, so the others may still be filled; without a lock xaso allows no fill after an approval
 * signature, and a certification's P=1 allows none whatever the lock.
 */
function signaturePolicy(
  doc: PdfDocument,
  entry: SignatureEntry,
  policy: ModificationPolicy,
): ModificationPolicy {
  const lock =
    entry.subFilter === 'ETSI.RFC3161' ? undefined : readFieldLock(doc, entry.dict, entry.widgets[0]);
  if (!lock) {
    return policy;
  }
  return { ...policy, formFill: policy === APPROVAL_POLICY || policy.formFill, fieldLock: lock };
}

function end(entry: SignatureEntry): number {
  const r = entry.byteRange;
  return (r[2] ?? 0) + (r[3] ?? 0);
}

/** ISO 32000-2 §12.8.2.2: /Perms /DocMDP names the certification signature; its /P sets what may follow. */
function certificationPolicy(doc: PdfDocument): ModificationPolicy {
  const perms = doc.getDict(doc.catalog().get('Perms'));
  const sig = perms ? doc.getDict(perms.get('DocMDP')) : undefined;
  if (!sig) {
    return APPROVAL_POLICY;
  }
  const references = doc.resolve(sig.get('Reference'));
  for (const reference of Array.isArray(references) ? references : []) {
    const r = doc.getDict(reference);
    if (r && isName(r.get('TransformMethod'), 'DocMDP')) {
      const p = doc.resolve(doc.getDict(r.get('TransformParams'))?.get('P'));
      return docMdpPolicy(typeof p === 'number' ? p : 2);
    }
  }
  return docMdpPolicy(2);
}

async function verifyOne(
  doc: PdfDocument,
  entry: SignatureEntry,
  revisions: { end: number }[],
  dss: Dss,
  options: VerifyPdfOptions,
  policy: ModificationPolicy,
): Promise<PdfSignatureReport> {
  const bytes = doc.bytes;
  const isTimestamp = entry.subFilter === 'ETSI.RFC3161';
  const problems = checkByteRange(bytes, doc, entry);
  const signedEnd = end(entry);
  const claimed = entry.signingTime ? parsePdfDate(entry.signingTime) : undefined;
  const report: PdfSignatureReport = {
    fieldName: entry.fieldName,
    kind: isTimestamp ? 'document-timestamp' : 'signature',
    subFilter: entry.subFilter,
    verdict: 'TOTAL_PASSED',
    problems,
    level: undefined,
    byteRange: entry.byteRange,
    revision: Math.max(
      0,
      revisions.findIndex((r) => r.end >= signedEnd),
    ),
    coversWholeDocument: signedEnd === bytes.length,
    signer: undefined,
    claimedSigningTime: claimed?.toISOString(),
    timestampTime: undefined,
    reason: entry.reason,
    location: entry.location,
    modifications: { allowed: [], disallowed: [] },
    cms: undefined,
  };
  if (problems.length > 0) {
    report.verdict = 'TOTAL_FAILED';
    return report;
  }
  const [, a, b, c] = entry.byteRange as [number, number, number, number];
  const digest = createHash('sha256')
    .update(bytes.subarray(0, a))
    .update(bytes.subarray(b, b + c))
    .digest();

  if (signedEnd < bytes.length) {
    try {
      report.modifications = findModifications(
        doc.viewAt(signedEnd),
        doc,
        signaturePolicy(doc, entry, policy),
      );
    } catch {
      report.modifications.disallowed.push('the signed revision could not be read');
    }
    if (report.modifications.disallowed.length > 0) {
      problems.push('MODIFIED_AFTER_SIGNING');
    }
  }

  const validation = {
    trustAnchors: options.trustAnchors,
    certificates: dss.certificates,
    crls: dss.crls,
    ocspResponses: dss.ocspResponses,
  };
  if (isTimestamp) {
    let ts: TimestampVerification | undefined;
    try {
      ts = verifyTimestampToken(entry.contents, { digest, ...validation });
    } catch {
      problems.push('CMS_UNREADABLE');
    }
    if (ts) {
      report.cms = { verdict: ts.isValid ? 'passed' : 'failed', problems: [...ts.problems], warnings: [] };
      report.timestampTime = ts.genTime?.toISOString();
      const subject = Object.fromEntries((ts.tsaSubject ?? []).map(([k, v]) => [k, v]));
      report.signer = subject.CN === undefined ? undefined : { commonName: subject.CN, subject };
      if (!ts.isValid) {
        problems.push('TIMESTAMP_FAILED');
      }
    }
  } else if (entry.subFilter === 'ETSI.CAdES.detached' || entry.subFilter === 'adbe.pkcs7.detached') {
    let cades: CadesVerification | undefined;
    const cadesOptions = {
      ...validation,
      ...(options.at ? { at: options.at } : {}),
      ...(options.allowOnline ? { allowOnline: true } : {}),
      ...(options.requireRevocation ? { requireRevocation: true } : {}),
      ...(options.ocspToleranceMs === undefined ? {} : { ocspToleranceMs: options.ocspToleranceMs }),
    };
    try {
      cades = await verifyCadesSignature(entry.contents, digest, cadesOptions);
    } catch (error) {
      if (!(error instanceof PkiError)) {
        throw error;
      }
      try {
        // other tools write BER indefinite lengths (NSS): retry once with definite lengths
        cades = await verifyCadesSignature(berToDer(entry.contents), digest, cadesOptions);
      } catch {
        problems.push('CMS_UNREADABLE');
      }
    }
    if (cades) {
      report.cms = {
        verdict: cades.verdict,
        problems: [...cades.problems],
        warnings: [...cades.warnings],
        revocation: cades.revocation.status,
      };
      report.timestampTime = cades.timestamp?.genTime?.toISOString();
      report.signer = cades.signer
        ? {
            ...(cades.signer.subject.CN === undefined ? {} : { commonName: cades.signer.subject.CN }),
            subject: { ...cades.signer.subject },
            serialNumber: cades.signer.serialNumber,
            certificateSha256: createHash('sha256').update(cades.signer.certificate).digest('hex'),
          }
        : undefined;
      if (cades.verdict === 'failed') {
        problems.push('CMS_FAILED');
      } else if (cades.verdict === 'indeterminate') {
        problems.push('CMS_INDETERMINATE');
      } else if (entry.subFilter === 'ETSI.CAdES.detached') {
        report.level = cades.level;
      }
    }
  } else {
    problems.push('UNSUPPORTED_SUBFILTER');
  }
  const failing: PdfSignatureProblem[] = [
    'BYTE_RANGE_INVALID',
    'BYTE_RANGE_NOT_AROUND_CONTENTS',
    'BYTE_RANGE_NOT_A_REVISION',
    'MODIFIED_AFTER_SIGNING',
    'CMS_UNREADABLE',
    'CMS_FAILED',
    'TIMESTAMP_FAILED',
  ];
  report.verdict = problems.some((p) => failing.includes(p))
    ? 'TOTAL_FAILED'
    : problems.length > 0
      ? 'INDETERMINATE'
      : 'TOTAL_PASSED';
  if (report.verdict !== 'TOTAL_PASSED') {
    report.level = undefined;
  }
  return report;
}
