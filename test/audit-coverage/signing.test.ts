// Audit coverage (issue 4 §1) of certificates and remote signing (issue 5, src/modules/signing): the
// development PKI, credentials issued, imported, renewed, revoked, unlocked, PINs, the second factor and
// authorisations. The trigger check and the per-file plan are in coverage.ts and plan.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from 'otplib';
import { createDevelopmentPki, writePkcs12 } from '../../src/lib/pki/index.ts';
import type { StaffActor } from '../../src/modules/identity/actor.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { authorizeCredential } from '../../src/modules/signing/authorize-credential.ts';
import { changePin } from '../../src/modules/signing/change-pin.ts';
import { ensureDevelopmentPki } from '../../src/modules/signing/ensure-development-pki.ts';
import { importCaChain, importPkcs12Credential } from '../../src/modules/signing/import-credentials.ts';
import { issueCredential } from '../../src/modules/signing/issue-credential.ts';
import {
  renewCredential,
  revokeCredential,
  unlockCredential,
} from '../../src/modules/signing/manage-credential.ts';
import { confirmTotp, enrolTotp } from '../../src/modules/signing/totp.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { auditCoverage, by, installAuditRefusal } from './coverage.ts';

const { db } = await createTestDatabase();
const kek = new Uint8Array(32).fill(9);
/** SHA-256 (the hash algorithm of CSC signature requests). */
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'signing');

async function actorOf(staffId: string): Promise<StaffActor> {
  const staff = await findStaffById(db, staffId);
  assert.ok(staff);
  return loadActor(db, staff);
}

const admin = await actorOf((await makeStaff(db, { unit: province, role: 'unit_admin' })).id);

test('signing: development PKI, credentials, PINs, second factor', async () => {
  await exercise(
    'signing.pki_created',
    'signing_authorities',
    () => ensureDevelopmentPki({ db, keyEncryptionKey: kek }),
    { expect: { actor: { type: 'system', id: null }, unit: null, subject: { type: 'authority' } } },
  );
  const leader = await makeStaff(db, { unit: commune, role: 'leader' });
  const unitAdmin = await actorOf((await makeStaff(db, { unit: commune, role: 'unit_admin' })).id);
  const issued = await exercise(
    'signing.credential_issued',
    'signing_credentials',
    () =>
      issueCredential({
        db,
        keyEncryptionKey: kek,
        actor: unitAdmin,
        requestId: 's1',
        kind: 'personal',
        unitId: commune.id,
        holderStaffId: leader.id,
        keyAlgorithm: 'ec-p256',
      }),
    { expect: (r) => by(unitAdmin.staffId, commune.id, 'credential', r?.credentialId) },
  );
  assert.ok(issued?.activationPin);
  /** The holder's own steps on the credential. */
  const byHolder = { expect: by(leader.id, commune.id, 'credential', issued.credentialId) };
  const holder = await actorOf(leader.id);
  /** The holder changes the PIN, giving `currentPin` as the current one. */
  const changeFrom = (currentPin: string, requestId: string) => () =>
    changePin({
      db,
      keyEncryptionKey: kek,
      actor: holder,
      requestId,
      credentialId: issued.credentialId,
      currentPin,
      newPin: '975310',
    });
  await exercise('signing.pin_failed', 'signing_credentials', changeFrom('00000000', 's2'), {
    ...byHolder,
    rejects: 'INVALID_CREDENTIALS',
  });
  await exercise(
    'signing.pin_changed',
    'signing_credentials',
    changeFrom(issued.activationPin as string, 's3'),
    byHolder,
  );
  const enrolled = await exercise(
    'signing.totp_enrolled',
    'signing_totp',
    () =>
      enrolTotp({
        db,
        keyEncryptionKey: kek,
        staffId: leader.id,
        username: leader.username,
        requestId: 's4',
      }),
    { expect: by(leader.id, null, 'staff', leader.id) },
  );
  await exercise(
    'signing.totp_confirmed',
    'signing_totp',
    async () =>
      confirmTotp({
        db,
        keyEncryptionKey: kek,
        actor: holder,
        code: await generate({ secret: enrolled?.secret as string }),
        requestId: 's5',
      }),
    { expect: by(leader.id, null, 'staff', leader.id) },
  );
  // The authenticator as an administrator re-enrols it (confirmed, same secret): a fresh code step.
  const secret = enrolled?.secret as string;
  await enrolTotp({
    db,
    keyEncryptionKey: kek,
    staffId: leader.id,
    username: leader.username,
    requestId: null,
    secret,
    confirmed: true,
  });
  const hashes = [Buffer.alloc(32, 7).toString('base64')];
  const authorize = async (otp: string) =>
    authorizeCredential({
      db,
      keyEncryptionKey: kek,
      actor: holder,
      requestId: 's5b',
      credentialId: issued.credentialId,
      numSignatures: 1,
      hashes,
      hashAlgorithmOid: SHA256_OID,
      pin: '975310',
      otp,
    });
  await exercise('signing.authorized', 'signing_sads', async () => authorize(await generate({ secret })), {
    expect: () => by(leader.id, commune.id, 'credential', issued.credentialId),
  });
  await exercise(
    'signing.authorization_refused',
    'signing_credentials',
    async () => authorize((await generate({ secret })) === '000000' ? '111111' : '000000'),
    {
      expect: () => by(leader.id, commune.id, 'credential', issued.credentialId),
      rejects: 'INVALID_CREDENTIALS',
    },
  );
  await db
    .updateTable('signing_credentials')
    .set({ locked_at: new Date() })
    .where('id', '=', issued.credentialId)
    .execute();
  await exercise(
    'signing.credential_unlocked',
    'signing_credentials',
    () => unlockCredential({ db, actor: unitAdmin, requestId: 's5c', credentialId: issued.credentialId }),
    { expect: () => by(unitAdmin.staffId, commune.id, 'credential', issued.credentialId) },
  );
  const renewed = await exercise(
    'signing.credential_renewed',
    'signing_credentials',
    () =>
      renewCredential({
        db,
        keyEncryptionKey: kek,
        actor: unitAdmin,
        requestId: 's6',
        credentialId: issued.credentialId,
      }),
    { expect: () => by(unitAdmin.staffId, commune.id, 'credential') },
  );
  assert.ok(renewed);
  await exercise(
    'signing.credential_revoked',
    'signing_credentials',
    () =>
      revokeCredential({
        db,
        actor: unitAdmin,
        requestId: 's7',
        credentialId: (renewed as { credentialId: string }).credentialId,
        reason: 'keyCompromise',
      }),
    {
      expect: () =>
        by(unitAdmin.staffId, commune.id, 'credential', (renewed as { credentialId: string }).credentialId),
    },
  );
});

test('signing: an external CA chain and a PKCS#12 credential it issued', async () => {
  const external = await createDevelopmentPki({ name: 'CA ngoài (thử)' });
  const pem = (der: Uint8Array) =>
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  await exercise(
    'signing.authority_imported',
    'signing_authorities',
    () =>
      importCaChain({
        db,
        actor: admin,
        requestId: 'i1',
        unitId: province.id,
        certificates: Buffer.from(pem(external.issuingCa.certificate) + pem(external.root.certificate)),
      }),
    { expect: by(admin.staffId, province.id, 'authority') },
  );
  const holder = await makeStaff(db, { unit: commune, role: 'leader' });
  const unitAdmin = await actorOf((await makeStaff(db, { unit: commune, role: 'unit_admin' })).id);
  await exercise(
    'signing.credential_imported',
    'signing_credentials',
    () =>
      importPkcs12Credential({
        db,
        keyEncryptionKey: kek,
        actor: unitAdmin,
        requestId: 'i2',
        unitId: commune.id,
        holderStaffId: holder.id,
        kind: 'personal',
        pkcs12: writePkcs12({
          privateKey: external.leader.privateKey,
          certificate: external.leader.certificate,
          chain: external.leader.chain,
          password: 'p12-secret',
        }),
        password: 'p12-secret',
        pin: '135790',
      }),
    { expect: (r) => by(unitAdmin.staffId, commune.id, 'credential', r?.credentialId) },
  );
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
