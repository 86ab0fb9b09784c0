// `npm run bench -- sign` (issue 3 §8): time per signature on a 1 MB PDF made of one large stream and on a
// 1 MB 480-page PDF, for xaso's signPdf (PAdES B-B, RSA-2048), the floor (SHA-256 of the file + one raw
// RSA signature + concatenation, in this process) and @libpdf/core (the engine Documenso uses), same files,
// same run. Goals: ours ≤ 2× floor (one stream), ≤ 5× floor (480 pages), ≥ 3× faster than @libpdf/core
// (480 pages). Prints a table, then the figures as one JSON object on the last line.
import { createHash, sign as rsaSign } from 'node:crypto';
import { PDF } from '@libpdf/core';
import { signPdf } from '../src/lib/pdf/sign-pdf.ts';
import { getTestPki } from '../test/fixtures/pki/test-pki.ts';

/** A classic-xref PDF from object bodies (object i+1 = bodies[i]). */
function writePdf(bodies: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n`];
  for (const offset of offsets) {
    xref.push(`${String(offset).padStart(10, '0')} 00000 n\r\n`);
  }
  xref.push(`trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  parts.push(Buffer.from(xref.join(''), 'latin1'));
  return Buffer.concat(parts);
}

function stream(content: string): Buffer {
  return Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`, 'latin1');
}

function lines(bytes: number, seed: number): string {
  let out = '';
  for (let i = 0; out.length < bytes; i++) {
    out += `BT /F1 9 Tf 40 ${800 - (i % 90) * 8} Td (Dong ${seed}-${i}: van ban hanh chinh xa Binh Ca) Tj ET\n`;
  }
  return out.slice(0, bytes);
}

const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

function singleStreamPdf(): Buffer {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(lines(1024 * 1024 - 600, 0)),
    font,
  ]);
}

function pages480Pdf(): Buffer {
  const pages = 480;
  const bodies: Array<string | Buffer> = ['<< /Type /Catalog /Pages 2 0 R >>', '', font];
  const kids: string[] = [];
  const perPage = Math.floor((1024 * 1024 - 200 * pages) / pages);
  for (let i = 0; i < pages; i++) {
    const pageNum = bodies.length + 1;
    kids.push(`${pageNum} 0 R`);
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNum + 1} 0 R >>`,
    );
    bodies.push(stream(lines(perPage, i)));
  }
  bodies[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return writePdf(bodies);
}

/**
 * Median ms of each contender, measured in interleaved blocks of 5 runs (so machine noise hits all of them
 * alike while each block runs warm). No forced GC between runs: a full GC before each run makes V8 drop
 * optimised code and slows JS-heavy contenders several-fold, which no server sees.
 */
async function timeInterleaved(
  rounds: number,
  contenders: Record<string, () => Promise<unknown>>,
): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const block = 5;
  for (let round = -1; round < Math.ceil(rounds / block); round++) {
    for (const name of names) {
      for (let i = 0; i < block; i++) {
        const start = process.hrtime.bigint();
        await contenders[name]!();
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (round >= 0) {
          samples[name]!.push(ms);
        }
      }
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const sorted = samples[n]!.sort((a, b) => a - b);
      return [n, sorted[Math.floor(sorted.length / 2)]!];
    }),
  );
}

const pki = await getTestPki();
const leader = pki.leader;
const libpdfSigner = {
  certificate: leader.certificate,
  certificateChain: [...leader.chain],
  keyType: 'RSA' as const,
  signatureAlgorithm: 'RSASSA-PKCS1-v1_5' as const,
  sign: async (data: Uint8Array) => new Uint8Array(rsaSign('sha256', data, leader.privateKey)),
};

const documents = [
  { name: 'single-stream-1mb', bytes: singleStreamPdf(), runs: 60 },
  { name: 'pages-480-1mb', bytes: pages480Pdf(), runs: 40 },
];
const results: Array<{ name: string; sizeBytes: number; oursMs: number; floorMs: number; libpdfMs: number }> =
  [];
for (const doc of documents) {
  const medians = await timeInterleaved(doc.runs, {
    floor: async () => {
      const digest = createHash('sha256').update(doc.bytes).digest();
      const signature = rsaSign('sha256', digest, leader.privateKey);
      return Buffer.concat([doc.bytes, signature]);
    },
    ours: () => signPdf(doc.bytes, leader.signer, { signingTime: new Date() }),
    libpdf: async () => {
      const pdf = await PDF.load(doc.bytes);
      return pdf.sign({ signer: libpdfSigner, subFilter: 'ETSI.CAdES.detached' });
    },
  });
  const { floor: floorMs = 0, ours: oursMs = 0, libpdf: libpdfMs = 0 } = medians;
  results.push({ name: doc.name, sizeBytes: doc.bytes.length, oursMs, floorMs, libpdfMs });
}

const round = (v: number) => Math.round(v * 100) / 100;
console.log('document            size (B)   ours ms   floor ms   @libpdf/core ms   ours/floor   libpdf/ours');
for (const r of results) {
  console.log(
    `${r.name.padEnd(19)} ${String(r.sizeBytes).padStart(8)} ${round(r.oursMs).toFixed(2).padStart(9)} ${round(r.floorMs).toFixed(2).padStart(10)} ${round(r.libpdfMs).toFixed(2).padStart(17)} ${(r.oursMs / r.floorMs).toFixed(2).padStart(12)} ${(r.libpdfMs / r.oursMs).toFixed(2).padStart(13)}`,
  );
}
console.log(
  JSON.stringify({
    bench: 'sign',
    documents: results.map((r) => ({
      name: r.name,
      oursMs: round(r.oursMs),
      floorMs: round(r.floorMs),
      libpdfMs: round(r.libpdfMs),
    })),
  }),
);
