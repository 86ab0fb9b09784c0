import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { createTimestampAuthority, developmentTsaPolicyOid } from './create-timestamp-authority.ts';
import { createTimestampRequest } from './create-timestamp-request.ts';
import { PkiError } from './errors.ts';
import { parseTimestampResponse } from './parse-timestamp-response.ts';
import { verifyTimestampToken } from './verify-timestamp-token.ts';

const digest = new Uint8Array(createHash('sha256').update('chữ ký số').digest());
// Yesterday, with milliseconds, after the test PKI's certificates start (a week ago).
const fixedTime = new Date(Math.floor((Date.now() - 24 * 3600 * 1000) / 1000) * 1000 + 678);
const fixedGenTime = fixedTime.toISOString().replace(/[-:T]/g, '');

async function tsa() {
  const pki = await getTestPki();
  return createTimestampAuthority({
    certificate: pki.tsa.certificate,
    privateKey: pki.tsa.privateKey,
    chain: pki.tsa.chain,
    clock: () => fixedTime,
  });
}

test('TSA answers a request: granted, imprint, nonce, policy, genTime from the clock', async () => {
  const authority = await tsa();
  const request = createTimestampRequest(digest);
  const response = parseTimestampResponse(await authority.respond(request), { request });
  assert.equal(response.status, 0);
  assert.deepEqual(response.tstInfo.hashedMessage, digest);
  assert.equal(response.tstInfo.policy, developmentTsaPolicyOid);
  assert.equal(response.tstInfo.genTime.toISOString(), fixedTime.toISOString());
  assert.ok(response.tstInfo.nonce !== undefined);
  // The answer to one request is not accepted as the answer to another.
  const other = createTimestampRequest(digest);
  const reply = await authority.respond(request);
  assert.throws(
    () => parseTimestampResponse(reply, { request: other }),
    (error: unknown) => error instanceof PkiError && error.code === 'MALFORMED_INPUT',
  );
});

test('TSA rejects bad requests with a status, and the client reports TIMESTAMP_REJECTED', async () => {
  const authority = await tsa();
  for (const request of [
    new Uint8Array([0x30, 0x03, 0x02, 0x01]),
    createTimestampRequest(digest, { policy: '1.2.3.4' }),
  ]) {
    const response = await authority.respond(request);
    assert.throws(
      () => parseTimestampResponse(response),
      (error: unknown) => error instanceof PkiError && error.code === 'TIMESTAMP_REJECTED',
    );
  }
});

test('openssl ts -verify accepts our TSA responses; we parse openssl-made responses', async (t) => {
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  const pki = await getTestPki();
  const authority = await tsa();
  using dir = tempDirectory();
  const request = createTimestampRequest(digest);
  writeFileSync(dir.file('req.der'), request);
  writeFileSync(dir.file('resp.der'), await authority.respond(request));
  writeFileSync(dir.file('root.pem'), toPem(pki.root.certificate));
  writeFileSync(dir.file('ca.pem'), toPem(pki.issuingCa.certificate));
  const verified = openssl([
    'ts',
    '-verify',
    '-in',
    dir.file('resp.der'),
    '-queryfile',
    dir.file('req.der'),
    '-CAfile',
    dir.file('root.pem'),
    '-untrusted',
    dir.file('ca.pem'),
  ]);
  assert.match(verified.stdout, /Verification: OK/, verified.stderr);
  const text = openssl(['ts', '-reply', '-in', dir.file('resp.der'), '-text']).stdout;
  assert.match(text, /Status: Granted/);
  assert.match(text, /Accuracy: 0x01 seconds/);
  // openssl as the TSA, our parser as the client.
  writeFileSync(dir.file('tsa.pem'), toPem(pki.tsa.certificate));
  writeFileSync(dir.file('tsa.key'), pki.tsa.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(dir.file('chain.pem'), toPem(pki.issuingCa.certificate) + toPem(pki.root.certificate));
  writeFileSync(dir.file('serial'), '01\n');
  // sha1 makes openssl write the RFC 2634 signing-certificate (v1), as many TSAs still do.
  for (const [essAlgorithm, serial] of [
    ['sha256', '02'],
    ['sha1', '03'],
  ] as const) {
    writeFileSync(
      dir.file('tsa.cnf'),
      [
        '[ tsa ]',
        'default_tsa = tsa_config',
        '[ tsa_config ]',
        `serial = ${dir.file('serial')}`,
        `signer_cert = ${dir.file('tsa.pem')}`,
        `certs = ${dir.file('chain.pem')}`,
        `signer_key = ${dir.file('tsa.key')}`,
        'signer_digest = sha256',
        `default_policy = ${developmentTsaPolicyOid}`,
        'digests = sha256',
        'accuracy = secs:1',
        `ess_cert_id_alg = ${essAlgorithm}`,
        '',
      ].join('\n'),
    );
    const made = openssl(['ts', '-reply', '-config', dir.file('tsa.cnf'), '-queryfile', dir.file('req.der')]);
    assert.equal(made.status, 0, made.stderr);
    const parsed = parseTimestampResponse(new Uint8Array(made.output), { request });
    assert.deepEqual(parsed.tstInfo.hashedMessage, digest);
    assert.equal(parsed.tstInfo.serialNumber, serial, 'openssl increments the serial file before use');
    const verification = verifyTimestampToken(parsed.token, { digest, trustAnchors: pki.trustAnchors });
    assert.deepEqual(verification.problems, [], essAlgorithm);
    assert.equal(verification.isValid, true);
  }
});

test('createTimestampAuthority refuses a certificate without the critical timeStamping EKU', async () => {
  const pki = await getTestPki();
  assert.throws(
    () =>
      createTimestampAuthority({ certificate: pki.leader.certificate, privateKey: pki.leader.privateKey }),
    (error: unknown) => error instanceof PkiError && error.code === 'INVALID_ARGUMENT',
  );
});

test('verifyTimestampToken: our token verifies; another digest, an untrusted root, or a mangled token do not', async () => {
  const pki = await getTestPki();
  const authority = await tsa();
  const request = createTimestampRequest(digest);
  const { token } = parseTimestampResponse(await authority.respond(request));
  const good = verifyTimestampToken(token, { digest, trustAnchors: pki.trustAnchors });
  assert.equal(good.isValid, true, good.problems.join());
  assert.equal(good.genTime?.toISOString(), fixedTime.toISOString());
  const other = verifyTimestampToken(token, { digest: new Uint8Array(32), trustAnchors: pki.trustAnchors });
  assert.deepEqual(other.problems, ['IMPRINT_MISMATCH']);
  const untrusted = verifyTimestampToken(token, {
    digest,
    trustAnchors: [pki.tsa.certificate.subarray(0, 0)],
  });
  assert.ok(untrusted.problems.includes('NO_PATH_TO_TRUST_ANCHOR'));
  // Flip a byte inside TSTInfo's genTime: the SignerInfo no longer matches.
  const mangled = new Uint8Array(token);
  const at = Buffer.from(mangled).indexOf(Buffer.from(fixedGenTime));
  assert.ok(at > 0);
  mangled[at + 3] = mangled[at + 3] === 0x37 ? 0x38 : 0x37;
  const bad = verifyTimestampToken(mangled, { digest, trustAnchors: pki.trustAnchors });
  assert.ok(bad.problems.includes('SIGNATURE_INVALID'));
});
