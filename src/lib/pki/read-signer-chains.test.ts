import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localTimestamp } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { createKeySigner } from './create-key-signer.ts';
import { sha256 } from './internal/certificate.ts';
import { readSignerChains } from './read-signer-chains.ts';
import { signCades } from './sign-cades.ts';

const digest = sha256(new TextEncoder().encode('Quyết định số 12/QĐ-UBND'));
const hex = (chain: readonly Uint8Array[]) => chain.map((c) => Buffer.from(c).toString('hex'));

test('readSignerChains: the signer chain and the signature timestamp TSA chain, end entity first', async () => {
  const pki = await getTestPki();
  const cms = await signCades(digest, pki.leader.signer, { timestamp: localTimestamp(pki) });
  const chains = readSignerChains(cms);
  assert.deepEqual(
    hex(chains.signer),
    hex([pki.leader.certificate, pki.issuingCa.certificate, pki.root.certificate]),
  );
  assert.equal(chains.timestampAuthorities.length, 1);
  assert.deepEqual(
    hex(chains.timestampAuthorities[0]!),
    hex([pki.tsa.certificate, pki.issuingCa.certificate, pki.root.certificate]),
  );
  const plain = readSignerChains(await signCades(digest, pki.seal.signer));
  assert.deepEqual(plain.timestampAuthorities, []);
});

test('readSignerChains: issuers missing from the CMS come from extraCertificates', async () => {
  const pki = await getTestPki();
  const bare = createKeySigner({ privateKey: pki.seal.privateKey, certificate: pki.seal.certificate });
  const cms = await signCades(digest, bare);
  assert.deepEqual(
    hex(readSignerChains(cms).signer),
    hex([pki.seal.certificate]),
    'stops where no issuer is known',
  );
  assert.deepEqual(
    hex(
      readSignerChains(cms, { extraCertificates: [pki.root.certificate, pki.issuingCa.certificate] }).signer,
    ),
    hex([pki.seal.certificate, pki.issuingCa.certificate, pki.root.certificate]),
  );
});
