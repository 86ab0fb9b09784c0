// `xaso pdf sign` and `xaso pdf verify` (issue 3 §6). Bad input (not a PDF, truncated, encrypted, wrong
// password, bad option) ends with one line on stderr, a non-zero exit and no output file.
//   xaso pdf sign IN.pdf -o OUT.pdf --p12 KEY.p12 --password PASS [--level B-B|B-T|B-LT|B-LTA]
//        [--tsa URL] [--visible page,x,y,w,h] [--reason TEXT] [--location TEXT]
//   xaso pdf verify FILE.pdf --trust ROOT.pem [--trust ...] [--json]
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  formatPdfVerification,
  PADES_LEVELS,
  type PadesLevel,
  PdfError,
  signPdf,
  verifyPdf,
} from '../lib/pdf/index.ts';
import {
  createTimestampRequest,
  describeCertificate,
  fetchRevocationData,
  PkiError,
  parseTimestampResponse,
  readPkcs12,
} from '../lib/pki/index.ts';

export interface PdfCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const USAGE = `usage:
  xaso pdf sign IN.pdf -o OUT.pdf --p12 KEY.p12 --password PASS [--level B-B|B-T|B-LT|B-LTA]
       [--tsa URL] [--visible page,x,y,w,h] [--reason TEXT] [--location TEXT]
  xaso pdf verify FILE.pdf --trust ROOT.pem [--trust ...] [--json]
`;

class UsageError extends Error {}

export async function runPdfCommand(args: string[], io: PdfCommandIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'sign') {
      return await sign(rest, io);
    }
    if (sub === 'verify') {
      return await verify(rest, io);
    }
    if (sub === undefined || sub === 'help' || sub === '--help') {
      io.stdout.write(USAGE);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown pdf command "${sub}"`);
  } catch (error) {
    io.stderr.write(`xaso pdf: ${describe(error)}\n`);
    return 2;
  }
}

function describe(error: unknown): string {
  if (error instanceof PdfError) {
    const messages: Partial<Record<PdfError['code'], string>> = {
      NOT_PDF: 'không phải tệp PDF / not a PDF file',
      MALFORMED: `tệp PDF bị hỏng hoặc bị cắt / the PDF is damaged or truncated (${error.message})`,
      ENCRYPTED: 'tệp PDF được mã hóa, không hỗ trợ / the PDF is encrypted: not supported',
    };
    return messages[error.code] ?? error.message;
  }
  if (error instanceof PkiError) {
    if (error.code === 'PKCS12_BAD_PASSWORD') {
      return 'sai mật khẩu tệp PKCS#12 / wrong PKCS#12 password';
    }
    return `PKCS#12/PKI: ${error.message}`;
  }
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    return `${error.message.split('\n')[0]} (xaso pdf help)`;
  }
  if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR')) {
    return `không đọc được tệp / cannot read file: ${(error as Error & { path?: string }).path ?? ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function oneFile(positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`expected exactly one ${what}`);
  }
  return positionals[0]!;
}

async function sign(args: string[], io: PdfCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      p12: { type: 'string' },
      password: { type: 'string' },
      level: { type: 'string', default: 'B-B' },
      tsa: { type: 'string' },
      visible: { type: 'string' },
      reason: { type: 'string' },
      location: { type: 'string' },
    },
  });
  const input = oneFile(positionals, 'input PDF');
  if (!values.output || !values.p12 || values.password === undefined) {
    throw new UsageError('-o OUT.pdf, --p12 KEY.p12 and --password are required');
  }
  const level = values.level as PadesLevel;
  if (!PADES_LEVELS.includes(level)) {
    throw new UsageError(`--level must be one of ${PADES_LEVELS.join(', ')}`);
  }
  if (level !== 'B-B' && !values.tsa) {
    throw new UsageError(`--level ${level} needs --tsa URL`);
  }
  const visible = values.visible === undefined ? undefined : parseVisible(values.visible);
  const pdf = readFileSync(input);
  const credential = await readPkcs12(readFileSync(values.p12), values.password);
  const subject = subjectOf(credential.certificate);
  const tsa = values.tsa;
  const signed = await signPdf(pdf, credential, {
    level,
    ...(values.reason === undefined ? {} : { reason: values.reason }),
    ...(values.location === undefined ? {} : { location: values.location }),
    ...(subject.CN ? { signerName: subject.CN } : {}),
    ...(tsa ? { timestamp: (digest: Uint8Array) => requestTimestamp(tsa, digest) } : {}),
    ...(level === 'B-LT' || level === 'B-LTA'
      ? { revocationData: fetchRevocationData } // signer's and TSA's chains, from their AIA/CDP URLs
      : {}),
    ...(visible
      ? {
          visible: {
            ...visible,
            appearance: {
              ...(subject.CN ? { signerName: subject.CN } : {}),
              ...(subject.T ? { title: subject.T } : {}),
              ...(unitOf(subject) ? { unit: unitOf(subject) } : {}),
            },
          },
        }
      : {}),
  });
  // Written whole then renamed: a failure never leaves a partial output file.
  const temporary = `${values.output}.partial-${process.pid}`;
  writeFileSync(temporary, signed);
  renameSync(temporary, values.output);
  io.stdout.write(`đã ký / signed: ${values.output} (PAdES ${level})\n`);
  return 0;
}

/** The unit line under the name: the organisation, unless it is the signer itself (a seal certificate). */
function unitOf(subject: Readonly<Record<string, string>>): string | undefined {
  const unit = subject.O ?? subject.OU;
  return unit === subject.CN ? (subject.OU !== subject.CN ? subject.OU : undefined) : unit;
}

function parseVisible(text: string) {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 5 || parts.some((p) => !Number.isFinite(p))) {
    throw new UsageError('--visible takes page,x,y,w,h (numbers, page from 1)');
  }
  const [page, x, y, width, height] = parts as [number, number, number, number, number];
  return { page, x, y, width, height };
}

/** First value of each subject attribute by OpenSSL short name (CN, O, OU, T for title, …). */
function subjectOf(der: Uint8Array): Readonly<Record<string, string>> {
  return describeCertificate(der).subject;
}

/** RFC 3161 §3.4 over HTTP: POST application/timestamp-query, read application/timestamp-reply. */
async function requestTimestamp(url: string, digest: Uint8Array): Promise<Uint8Array> {
  const request = createTimestampRequest(digest, { certReq: true });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Buffer.from(request),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    throw new Error(`the TSA answered HTTP ${response.status}`);
  }
  return parseTimestampResponse(new Uint8Array(await response.arrayBuffer()), { request }).token;
}

async function verify(args: string[], io: PdfCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trust: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  const file = oneFile(positionals, 'PDF to verify');
  if (!values.trust?.length) {
    throw new UsageError('at least one --trust ROOT.pem is required');
  }
  const trustAnchors = values.trust.flatMap((path) => readCertificates(path));
  const report = await verifyPdf(readFileSync(file), { trustAnchors });
  io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatPdfVerification(report));
  return report.verdict === 'TOTAL_PASSED' ? 0 : 1;
}

/** PEM (one or more CERTIFICATE blocks) or a single DER certificate. */
function readCertificates(path: string): Uint8Array[] {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
  );
  const certificates = blocks.length > 0 ? blocks : [new Uint8Array(bytes)];
  for (const der of certificates) {
    try {
      describeCertificate(der);
    } catch {
      throw new UsageError(`${path} is not a certificate (PEM or DER)`);
    }
  }
  return certificates;
}
