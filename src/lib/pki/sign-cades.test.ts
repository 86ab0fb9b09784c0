import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { assembleCadesSignature } from './assemble-cades-signature.ts';
import { createKeySigner } from './create-key-signer.ts';
import { PkiError } from './errors.ts';
import { parseSignedData } from './internal/cms.ts';
import { oid } from './internal/oids.ts';
import { prepareCadesSignature } from './prepare-cades-signature.ts';
import { signCades } from './sign-cades.ts';
import type { Signer } from './signer.ts';

const content = new TextEncoder().encode('%PDF-1.7 … nội dung văn bản được ký …');
const contentDigest = new Uint8Array(createHash('sha256').update(content).digest());

async function signers(): Promise<Array<[string, Signer]>> {
  const pki = await getTestPki();
  return [
    ['RSA PKCS#1 v1.5 leader', pki.leader.signer],
    [
      'RSA-PSS leader',
      createKeySigner({
        privateKey: pki.leader.privateKey,
        certificate: pki.leader.certificate,
        chain: pki.leader.chain,
        algorithm: 'rsa-pss-sha256',
      }),
    ],
    ['ECDSA P-256 seal', pki.seal.signer],
  ];
}

test('signed attributes: content-type, message-digest, signing-certificate-v2 once, no signing-time', async () => {
  for (const [name, signer] of await signers()) {
    const cms = await signCades(contentDigest, signer);
    const parsed = parseSignedData(cms);
    const info = parsed.signerInfos[0]!;
    const types = info.signedAttributes.map((a) => a.type);
    assert.deepEqual(
      [...types].sort(),
      [oid.contentType, oid.messageDigest, oid.signingCertificateV2].sort(),
      name,
    );
    assert.ok(!types.includes(oid.signingTime));
    assert.equal(parsed.eContent, undefined, 'detached');
    assert.equal(parsed.certificates.length, 3, 'signer, issuing CA, root');
  }
});

test('openssl cms -verify accepts every produced CMS (detached, full chain)', async (t) => {
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  const pki = await getTestPki();
  using dir = tempDirectory();
  writeFileSync(dir.file('root.pem'), toPem(pki.root.certificate));
  writeFileSync(dir.file('content.bin'), content);
  for (const [name, signer] of await signers()) {
    writeFileSync(dir.file('sig.der'), await signCades(contentDigest, signer));
    const verify = (contentFile: string) =>
      openssl([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        dir.file('sig.der'),
        '-content',
        contentFile,
        '-CAfile',
        dir.file('root.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ]);
    const ok = verify(dir.file('content.bin'));
    assert.equal(ok.status, 0, `${name}: ${ok.stderr}`);
    assert.match(ok.stderr, /Verification successful/);
    writeFileSync(dir.file('other.bin'), new TextEncoder().encode('tampered'));
    assert.notEqual(verify(dir.file('other.bin')).status, 0, `${name}: wrong content must fail`);
    const printed = openssl([
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      dir.file('sig.der'),
    ]).stdout;
    assert.match(printed, /id-smime-aa-signingCertificateV2/);
    assert.doesNotMatch(printed, /signingTime/);
  }
});

test('two-pass: prepare, sign the digest elsewhere, assemble; a wrong or raw signature is handled', async () => {
  const pki = await getTestPki();
  const prepared = prepareCadesSignature({
    contentDigest,
    certificate: pki.seal.certificate,
    chain: pki.seal.chain,
  });
  assert.equal(prepared.algorithm, 'ecdsa-p256-sha256');
  assert.equal(prepared.signedAttributes[0], 0x31);
  // A raw r||s signature (WebCrypto style) is converted to DER.
  const { sign } = await import('node:crypto');
  const raw = sign('sha256', prepared.signedAttributes, {
    key: pki.seal.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  const cms = assembleCadesSignature({ prepared, signature: raw });
  assert.equal(parseSignedData(cms).signerInfos[0]!.signature[0], 0x30);
  // A signature from another key is refused at assembly.
  const leaderPrepared = prepareCadesSignature({ contentDigest, certificate: pki.leader.certificate });
  const foreign = await pki.leader.signer.signDigest(prepared.digestToSign);
  assert.throws(
    () => assembleCadesSignature({ prepared: leaderPrepared, signature: foreign }),
    (error: unknown) => error instanceof PkiError && error.code === 'SIGNING_FAILED',
  );
  assert.throws(
    () => prepareCadesSignature({ contentDigest: new Uint8Array(31), certificate: pki.seal.certificate }),
    (error: unknown) => error instanceof PkiError && error.code === 'INVALID_ARGUMENT',
  );
});
