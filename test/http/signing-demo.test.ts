// Demo signers (issue 5 §6): the PIN and TOTP secret printed by `xaso demo credentials --json` sign
// through the CSC API; leaders hold a personal certificate, clerks their unit's seal.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { generate } from 'otplib';
import { describeCertificate } from '../../src/lib/pki/index.ts';
import { demoCredentials } from '../../src/modules/demo/demo-data.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { csc, cscLogin, ECDSA_SHA256, RSA_SHA256, SHA256 } from './csc-helpers.ts';

const config = testConfig();
const { app, db } = await createTestApp({ config });

test('demo leaders and clerks sign with the PIN and TOTP secret the CLI prints', async () => {
  assert.equal(await seedDemo({ db, signing: { keyEncryptionKey: config.secrets.keyEncryption } }), true);
  const credentials = demoCredentials();
  const signers = credentials.filter((c) => c.role === 'leader' || c.role === 'clerk');
  assert.ok(signers.length >= 2);
  assert.ok(credentials.filter((c) => c.role !== 'leader' && c.role !== 'clerk').every((c) => !c.pin));
  for (const username of ['binhca.chutich', 'binhca.vanthu']) {
    const account = signers.find((c) => c.username === username);
    assert.ok(account?.pin && account.totpSecret);
    const token = await cscLogin(app, account.username, account.password);
    const list = await csc(app, token, 'credentials/list', {});
    const [credentialID] = list.json.credentialIDs as string[];
    const info = await csc(app, token, 'credentials/info', { credentialID });
    const certificate = (info.json.cert as { certificates: string[] }).certificates[0] ?? '';
    const subject = describeCertificate(Buffer.from(certificate, 'base64')).subject;
    if (account.role === 'clerk') {
      assert.equal(subject.CN, 'ỦY BAN NHÂN DÂN XÃ BÌNH CA');
      assert.match(subject.UID ?? '', /^MDDT:H57\.101$/);
    } else {
      assert.equal(subject.CN, account.fullName);
      assert.equal(subject.ST, 'Tỉnh Tuyên Quang');
    }
    const hashes = [createHash('sha256').update(username).digest('base64')];
    const auth = await csc(app, token, 'credentials/authorize', {
      credentialID,
      numSignatures: 1,
      hashes,
      hashAlgorithmOID: SHA256,
      authData: [
        { id: 'PIN', value: account.pin },
        { id: 'OTP', value: await generate({ secret: account.totpSecret }) },
      ],
    });
    assert.equal(auth.status, 200, JSON.stringify(auth.json));
    const signed = await csc(app, token, 'signatures/signHash', {
      credentialID,
      SAD: auth.json.SAD,
      hashes,
      hashAlgorithmOID: SHA256,
      signAlgo: account.username === 'binhca.chutich' ? RSA_SHA256 : ECDSA_SHA256,
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.json));
  }
});
