// Two-pass signing with an independent CMS producer (`openssl cms -sign`), checked by pdfsig and qpdf:
// proves the placeholder, /ByteRange and incremental writer on every corpus file, signed twice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCorpus } from '../../../test/fixtures/pdf/corpus.ts';
import { makeNssDb, missing, pdfsig, qpdfCheck } from '../../../test/fixtures/pdf/tools.ts';
import { embedPdfSignature } from './embed-signature.ts';
import { PdfError } from './errors.ts';
import { preparePdfSignature } from './prepare-signature.ts';

function opensslPki(dir: string) {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Test Root',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
    '-subj',
    '/CN=Leader',
  ]);
  writeFileSync(
    join(dir, 'ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  run([
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  ]);
}

async function opensslSign(dir: string, pdf: Uint8Array): Promise<Uint8Array> {
  const prepared = await preparePdfSignature(pdf, {
    contentsSize: 6000,
    reason: 'Phê duyệt',
    location: 'Xã Bình Ca',
  });
  const [, a, b, c] = prepared.byteRange;
  assert.equal(b + c, prepared.bytes.length, 'the range ends at the end of the file');
  assert.equal(prepared.bytes[a], 0x3c);
  assert.equal(prepared.bytes[b - 1], 0x3e);
  const content = Buffer.concat([prepared.bytes.subarray(0, a), prepared.bytes.subarray(b)]);
  writeFileSync(join(dir, 'content.bin'), content);
  execFileSync(
    'openssl',
    [
      'cms',
      '-sign',
      '-binary',
      '-in',
      'content.bin',
      '-signer',
      'leaf.pem',
      '-inkey',
      'leaf.key',
      '-outform',
      'DER',
      '-out',
      'sig.der',
      '-md',
      'sha256',
    ],
    { cwd: dir },
  );
  return embedPdfSignature(prepared, readFileSync(join(dir, 'sig.der')));
}

test('every corpus file signed twice through the two-pass API stays valid for pdfsig and qpdf', async (t) => {
  const skip = missing('openssl', 'pdfsig', 'certutil', 'qpdf', 'pk12util');
  if (skip) {
    t.skip(skip);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-prepare-'));
  opensslPki(dir);
  const db = makeNssDb(dir, [readFileSync(join(dir, 'root.pem'), 'utf8')]);
  const corpus = await generateCorpus(dir);
  for (const file of corpus.files) {
    const input = readFileSync(file.path);
    const once = await opensslSign(dir, input);
    const twice = await opensslSign(dir, once);
    assert.deepEqual(Buffer.from(twice.subarray(0, input.length)), input, `${file.name}: input bytes kept`);
    const out = join(dir, `${file.name}-signed.pdf`);
    writeFileSync(out, twice);
    const check = qpdfCheck(out);
    assert.ok(check.ok, `${file.name}: qpdf --check\n${check.output}`);
    const sigs = pdfsig(db, out);
    const expected = file.name === 'presigned-pdfsig' ? 3 : 2;
    assert.equal(sigs.length, expected, `${file.name}: signature count`);
    for (const [i, sig] of sigs.entries()) {
      assert.ok(sig.signatureValid, `${file.name}: signature ${i + 1} valid\n${sig.text}`);
    }
    assert.ok(sigs.at(-1)!.subFilter === 'ETSI.CAdES.detached', `${file.name}: SubFilter`);
    assert.ok(sigs.at(-2)!.certificateTrusted || sigs.at(-1)!.certificateTrusted, `${file.name}: trusted`);
  }
});

test('a CMS larger than the placeholder is refused', async () => {
  const { basePdf } = await import('../../../test/fixtures/pdf/corpus.ts');
  const prepared = await preparePdfSignature(await basePdf(1), { contentsSize: 100 });
  assert.throws(
    () => embedPdfSignature(prepared, new Uint8Array(101)),
    (e: unknown) => e instanceof PdfError && e.code === 'SIGNATURE_TOO_LARGE',
  );
  await assert.rejects(
    () => preparePdfSignature(new Uint8Array(10), { contentsSize: 100 }),
    (e: unknown) => e instanceof PdfError && e.code === 'NOT_PDF',
  );
});

test('fuzzed inputs never crash signing: a prepared file or a PdfError', async () => {
  const { basePdf } = await import('../../../test/fixtures/pdf/corpus.ts');
  const base = await basePdf(2, true);
  let seed = 99;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < 200; i++) {
    const mutated = Uint8Array.from(base);
    for (let k = 0; k < 1 + Math.floor(random() * 10); k++) {
      mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
    }
    try {
      await preparePdfSignature(mutated, { contentsSize: 200 });
    } catch (error) {
      assert.ok(error instanceof PdfError, `iteration ${i}: ${(error as Error).stack}`);
    }
  }
});
