// Import of an external CA chain and of a PKCS#12 credential it issued (issue 5 §1), so a real CA can
// replace the demo one: the imported key is re-sealed under KEK + PIN and signs through CSC.
import assert from 'node:assert/strict';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { generate } from 'otplib';
import { createDevelopmentPki, writePkcs12 } from '../../src/lib/pki/index.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { importCaChain, importPkcs12Credential } from '../../src/modules/signing/import-credentials.ts';
import { enrolTotp } from '../../src/modules/signing/totp.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { csc, cscLogin, PIN, RSA_SHA256, SHA256 } from './csc-helpers.ts';

const config = testConfig();
const kek = config.secrets.keyEncryption;
const { app, db } = await createTestApp({ config });
const actorOf = async (id: string) => loadActor(db, (await findStaffById(db, id)) ?? assert.fail('staff'));
const pem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

test('an external CA chain and a PKCS#12 credential it issued are imported; the key signs via CSC', async () => {
  const external = await createDevelopmentPki({ name: 'Ban Cơ yếu (thử)' });
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province, kind: 'commune' });
  const provinceAdmin = await makeStaff(db, { unit: province, role: 'unit_admin' });
  const communeAdmin = await makeStaff(db, { unit: commune, role: 'unit_admin' });
  const leader = await makeStaff(db, { unit: commune, role: 'leader' });
  const chainPem = Buffer.from(pem(external.issuingCa.certificate) + pem(external.root.certificate));

  await assert.rejects(
    importCaChain({
      db,
      actor: await actorOf(communeAdmin.id),
      requestId: null,
      unitId: commune.id,
      certificates: chainPem,
    }),
    { code: 'FORBIDDEN' },
  );
  await assert.rejects(
    importCaChain({
      db,
      actor: await actorOf(provinceAdmin.id),
      requestId: null,
      unitId: province.id,
      certificates: Buffer.from(pem(external.leader.certificate)),
    }),
    { code: 'VALIDATION_FAILED' },
  );
  const pkcs12 = writePkcs12({
    privateKey: external.leader.privateKey,
    certificate: external.leader.certificate,
    chain: external.leader.chain,
    password: 'p12-secret',
  });
  const importOptions = {
    db,
    keyEncryptionKey: kek,
    actor: await actorOf(communeAdmin.id),
    requestId: null,
    unitId: commune.id,
    holderStaffId: leader.id,
    kind: 'personal' as const,
    pkcs12,
    password: 'p12-secret',
    pin: PIN,
  };
  await assert.rejects(
    importPkcs12Credential(importOptions),
    (e: { fields?: Record<string, string> }) => e.fields?.pkcs12 === 'untrusted',
  );

  const { authorityIds } = await importCaChain({
    db,
    actor: await actorOf(provinceAdmin.id),
    requestId: null,
    unitId: province.id,
    certificates: chainPem,
  });
  assert.equal(authorityIds.length, 2);
  await assert.rejects(
    importPkcs12Credential({ ...importOptions, password: 'wrong' }),
    (e: { fields?: Record<string, string> }) => e.fields?.password === 'invalid',
  );
  const { credentialId } = await importPkcs12Credential(importOptions);
  const row = await db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('id', '=', credentialId)
    .executeTakeFirstOrThrow();
  assert.equal(row.authority_id, authorityIds[1]);

  const { secret } = await enrolTotp({
    db,
    keyEncryptionKey: kek,
    staffId: leader.id,
    username: leader.username,
    requestId: null,
    confirmed: true,
  });
  const token = await cscLogin(app, leader.username, leader.password);
  const hash = createHash('sha256').update('imported').digest();
  const hashes = [hash.toString('base64')];
  const auth = await csc(app, token, 'credentials/authorize', {
    credentialID: credentialId,
    numSignatures: 1,
    hashes,
    hashAlgorithmOID: SHA256,
    authData: [
      { id: 'PIN', value: PIN },
      { id: 'OTP', value: await generate({ secret }) },
    ],
  });
  assert.equal(auth.status, 200, JSON.stringify(auth.json));
  const signed = await csc(app, token, 'signatures/signHash', {
    credentialID: credentialId,
    SAD: auth.json.SAD,
    hashes,
    hashAlgorithmOID: SHA256,
    signAlgo: RSA_SHA256,
  });
  const signature = Buffer.from((signed.json.signatures as string[])[0] ?? '', 'base64');
  // RSASSA-PKCS1-v1_5 over a precomputed digest: verify with the DigestInfo-aware 'sha256' over the
  // original message bytes (the digest's preimage).
  assert.ok(
    verify(
      'sha256',
      Buffer.from('imported'),
      new X509Certificate(external.leader.certificate).publicKey,
      signature,
    ),
  );
});
