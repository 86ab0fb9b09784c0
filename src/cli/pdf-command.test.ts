import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { basePdf } from '../../test/fixtures/pdf/corpus.ts';
import { readDss } from '../../test/fixtures/pdf/dss.ts';
import { hasTool, toPem } from '../../test/fixtures/pdf/tools.ts';
import { answerOcspGood } from '../../test/fixtures/pki/responders.ts';
import { getTestPki, loadTestKeys } from '../../test/fixtures/pki/test-pki.ts';
import {
  createDevelopmentPki,
  createTimestampAuthority,
  describeCertificate,
  parseOcspResponse,
  writePkcs12,
} from '../lib/pki/index.ts';
import { runPdfCommand } from './pdf-command.ts';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runPdfCommand(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

async function setup() {
  const pki = await getTestPki();
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-cli-'));
  const file = (name: string) => join(dir, name);
  writeFileSync(file('in.pdf'), await basePdf(2));
  writeFileSync(file('root.pem'), toPem(pki.root.certificate));
  writeFileSync(
    file('leader.p12'),
    writePkcs12({
      privateKey: pki.leader.privateKey,
      certificate: pki.leader.certificate,
      chain: pki.leader.chain,
      password: 'mật-khẩu',
    }),
  );
  return { pki, dir, file };
}

test('pdf sign then pdf verify: exit 0, bilingual summary and JSON', async () => {
  const { file } = await setup();
  const signed = await run([
    'sign',
    file('in.pdf'),
    '-o',
    file('out.pdf'),
    '--p12',
    file('leader.p12'),
    '--password',
    'mật-khẩu',
    '--visible',
    '1,300,60,240,80',
    '--reason',
    'Phê duyệt',
    '--location',
    'Xã Bình Ca',
  ]);
  assert.equal(signed.code, 0, signed.stderr);
  const human = await run(['verify', file('out.pdf'), '--trust', file('root.pem')]);
  assert.equal(human.code, 0, human.stdout);
  assert.match(human.stdout, /Kết quả: HỢP LỆ/);
  assert.match(human.stdout, /Result: VALID/);
  const json = await run(['verify', file('out.pdf'), '--trust', file('root.pem'), '--json']);
  const report = JSON.parse(json.stdout);
  assert.equal(report.verdict, 'TOTAL_PASSED');
  assert.equal(report.signatures[0].reason, 'Phê duyệt');
  assert.equal(report.signatures[0].level, 'B-B');
});

test('verify exits non-zero when a signature does not pass (untrusted root, modified file)', async () => {
  const { file, pki } = await setup();
  await run([
    'sign',
    file('in.pdf'),
    '-o',
    file('out.pdf'),
    '--p12',
    file('leader.p12'),
    '--password',
    'mật-khẩu',
  ]);
  writeFileSync(file('other.pem'), toPem(pki.seal.certificate));
  assert.equal((await run(['verify', file('out.pdf'), '--trust', file('other.pem')])).code, 1);
  const bytes = readFileSync(file('out.pdf'));
  bytes[20] = bytes[20]! ^ 1;
  writeFileSync(file('tampered.pdf'), bytes);
  const tampered = await run(['verify', file('tampered.pdf'), '--trust', file('root.pem')]);
  assert.equal(tampered.code, 1);
  assert.match(tampered.stdout, /KHÔNG HỢP LỆ/);
});

test('bad input: one line, non-zero exit, no output file', async (t) => {
  const { file } = await setup();
  writeFileSync(file('not.pdf'), 'hello');
  const full = readFileSync(file('in.pdf'));
  writeFileSync(file('truncated.pdf'), full.subarray(0, full.length / 2));
  const cases: Array<[string, string[]]> = [
    [
      'not a PDF',
      ['sign', file('not.pdf'), '-o', file('o1.pdf'), '--p12', file('leader.p12'), '--password', 'mật-khẩu'],
    ],
    [
      'truncated',
      [
        'sign',
        file('truncated.pdf'),
        '-o',
        file('o2.pdf'),
        '--p12',
        file('leader.p12'),
        '--password',
        'mật-khẩu',
      ],
    ],
    [
      'wrong password',
      ['sign', file('in.pdf'), '-o', file('o3.pdf'), '--p12', file('leader.p12'), '--password', 'sai'],
    ],
    [
      'missing file',
      ['sign', file('nope.pdf'), '-o', file('o4.pdf'), '--p12', file('leader.p12'), '--password', 'x'],
    ],
    [
      'bad level',
      [
        'sign',
        file('in.pdf'),
        '-o',
        file('o5.pdf'),
        '--p12',
        file('leader.p12'),
        '--password',
        'x',
        '--level',
        'B-X',
      ],
    ],
    [
      'bad visible',
      [
        'sign',
        file('in.pdf'),
        '-o',
        file('o6.pdf'),
        '--p12',
        file('leader.p12'),
        '--password',
        'mật-khẩu',
        '--visible',
        '1,2',
      ],
    ],
    ['unknown option', ['sign', file('in.pdf'), '-o', file('o7.pdf'), '--frobnicate']],
  ];
  if (hasTool('qpdf')) {
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', file('in.pdf'), file('encrypted.pdf')]);
    cases.push([
      'encrypted',
      [
        'sign',
        file('encrypted.pdf'),
        '-o',
        file('o8.pdf'),
        '--p12',
        file('leader.p12'),
        '--password',
        'mật-khẩu',
      ],
    ]);
    cases.push(['encrypted verify', ['verify', file('encrypted.pdf'), '--trust', file('root.pem')]]);
  } else {
    t.diagnostic('qpdf not installed: apt-get install qpdf (encrypted case skipped)');
  }
  for (const [what, args] of cases) {
    const result = await run(args);
    assert.notEqual(result.code, 0, what);
    assert.equal(result.stderr.trim().split('\n').length, 1, `${what}: one line: ${result.stderr}`);
    assert.ok(result.stderr.startsWith('xaso pdf: '), `${what}: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\n\s+at /, `${what}: no stack trace`);
    const out = args[args.indexOf('-o') + 1];
    if (args.includes('-o') && out) {
      assert.equal(existsSync(out), false, `${what}: no output file`);
    }
  }
});

test('B-T through --tsa against a local RFC 3161 server', async () => {
  const { file, pki } = await setup();
  const authority = createTimestampAuthority({
    certificate: pki.tsa.certificate,
    privateKey: pki.tsa.privateKey,
    chain: pki.tsa.chain,
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      authority.respond(Buffer.concat(chunks)).then(
        (reply) => {
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
          res.end(Buffer.from(reply));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
    const signed = await run([
      'sign',
      file('in.pdf'),
      '-o',
      file('bt.pdf'),
      '--p12',
      file('leader.p12'),
      '--password',
      'mật-khẩu',
      '--level',
      'B-T',
      '--tsa',
      url,
    ]);
    assert.equal(signed.code, 0, signed.stderr);
    const json = JSON.parse(
      (await run(['verify', file('bt.pdf'), '--trust', file('root.pem'), '--json'])).stdout,
    );
    assert.equal(json.verdict, 'TOTAL_PASSED');
    assert.equal(json.signatures[0].level, 'B-T');
  } finally {
    server.close();
  }
});

test('--level B-LT: the DSS holds the signer and TSA certificates and OCSP answers fetched from their AIA URL', async () => {
  const { file } = await setup();
  const keys = loadTestKeys();
  let pki: Awaited<ReturnType<typeof createDevelopmentPki>> | undefined;
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      const answer = async (): Promise<Uint8Array> => {
        if (req.url === '/tsa') {
          return createTimestampAuthority({
            certificate: pki!.tsa.certificate,
            privateKey: pki!.tsa.privateKey,
            chain: pki!.tsa.chain,
          }).respond(body);
        }
        const { serials, response } = answerOcspGood(pki!, body);
        asked.push(...serials);
        return response;
      };
      answer().then(
        (reply) => res.end(Buffer.from(reply)),
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const lt = await createDevelopmentPki({ keys, ocspUrl: `${base}/ocsp` });
    pki = lt;
    writeFileSync(file('root-lt.pem'), toPem(lt.root.certificate));
    writeFileSync(
      file('leader-lt.p12'),
      writePkcs12({
        privateKey: lt.leader.privateKey,
        certificate: lt.leader.certificate,
        chain: lt.leader.chain,
        password: 'p',
      }),
    );
    for (const level of ['B-LT', 'B-LTA']) {
      asked.length = 0;
      const out = file(`${level}.pdf`);
      const signed = await run([
        'sign',
        file('in.pdf'),
        '-o',
        out,
        '--p12',
        file('leader-lt.p12'),
        '--password',
        'p',
        '--level',
        level,
        '--tsa',
        `${base}/tsa`,
      ]);
      assert.equal(signed.code, 0, signed.stderr);
      const tsaSerial = describeCertificate(lt.tsa.certificate).serialNumber;
      const leaderSerial = describeCertificate(lt.leader.certificate).serialNumber;
      assert.deepEqual(
        asked.sort(),
        [leaderSerial, tsaSerial].sort(),
        `${level}: OCSP asked for signer and TSA`,
      );
      const dss = readDss(readFileSync(out));
      assert.ok(
        dss.certificates.some((c) => Buffer.from(c).equals(lt.tsa.certificate)),
        `${level}: TSA cert`,
      );
      const answered = dss.ocspResponses.flatMap(
        (r) => parseOcspResponse(r).basic?.responses.map((s) => s.serial) ?? [],
      );
      assert.ok(answered.includes(tsaSerial), `${level}: the TSA's OCSP answer is in the DSS`);
      assert.ok(answered.includes(leaderSerial), `${level}: the signer's OCSP answer is in the DSS`);
      const json = JSON.parse((await run(['verify', out, '--trust', file('root-lt.pem'), '--json'])).stdout);
      assert.equal(json.verdict, 'TOTAL_PASSED');
      // The development issuing CA names no OCSP/CRL URL, so its own status stays unknown and the
      // verifier stops at B-T; the DSS content above is what B-LT signing owes.
      assert.equal(json.signatures[0].level, 'B-T');
    }
  } finally {
    server.close();
  }
});
