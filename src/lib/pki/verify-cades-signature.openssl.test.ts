// verifyCadesSignature on CMS made by OpenSSL (`openssl cms -sign`): plain and -cades, DER and streamed
// BER, PKCS#1 v1.5 and RSASSA-PSS (RFC 4056).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { content, contentDigest } from '../../../test/fixtures/pki/cades.ts';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { verifyCadesSignature } from './verify-cades-signature.ts';

test('openssl-made CMS: parsed and verified by us (signing-time reported, -cades gives signing-certificate-v2)', async (t) => {
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  const pki = await getTestPki();
  using dir = tempDirectory();
  writeFileSync(dir.file('content.bin'), content);
  writeFileSync(dir.file('leader.pem'), toPem(pki.leader.certificate));
  writeFileSync(dir.file('leader.key'), pki.leader.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(dir.file('ca.pem'), toPem(pki.issuingCa.certificate));
  // -stream makes BER with indefinite lengths, as NSS (pdfsig -add-signature) writes.
  // -keyopt rsa_padding_mode:pss: RSASSA-PSS with its parameters in the SignerInfo (RFC 4056).
  for (const [cades, stream, pss] of [
    [false, false, false],
    [true, false, false],
    [true, true, false],
    [true, false, true],
  ]) {
    const made = openssl([
      'cms',
      '-sign',
      '-binary',
      '-in',
      dir.file('content.bin'),
      '-signer',
      dir.file('leader.pem'),
      '-inkey',
      dir.file('leader.key'),
      '-certfile',
      dir.file('ca.pem'),
      '-outform',
      'DER',
      '-md',
      'sha256',
      '-out',
      dir.file('sig.der'),
      ...(cades ? ['-cades'] : []),
      ...(stream ? ['-stream'] : []),
      ...(pss ? ['-keyopt', 'rsa_padding_mode:pss'] : []),
    ]);
    assert.equal(made.status, 0, made.stderr);
    const cms = new Uint8Array(readFileSync(dir.file('sig.der')));
    assert.equal(cms[1] === 0x80, stream, 'indefinite length exactly when streamed');
    const result = await verifyCadesSignature(cms, contentDigest, { trustAnchors: pki.trustAnchors });
    assert.equal(result.signature.isValid, true);
    assert.equal(result.signature.algorithm, pss ? 'rsa-pss-sha256' : 'rsa-pkcs1-sha256');
    assert.equal(result.integrity.isValid, true);
    assert.ok(result.warnings.includes('SIGNING_TIME_PRESENT'));
    if (cades) {
      assert.equal(result.verdict, 'passed', JSON.stringify(result.problems));
    } else {
      assert.deepEqual(result.problems, ['SIGNING_CERTIFICATE_V2_MISSING']);
    }
  }
});
