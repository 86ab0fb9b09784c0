// Audit coverage (issue 4 §1) of certification (issue 7 §3): certifying a paper (register number, the
// certified PDF sent for signature) and its completion when the clerk seals it (the seal's transaction);
// each append refused (nothing changes, the register number given back) and then run. See coverage.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { certifyPaper } from '../../src/modules/certification/certify-paper.ts';
import { registerCertificationCompletion } from '../../src/modules/certification/complete-certification.ts';
import { extendCertification } from '../../src/modules/certification/extend-certification.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { sealSignatureRequests } from '../../src/modules/signature-requests/seal-signature-requests.ts';
import { signSignatureRequests } from '../../src/modules/signature-requests/sign-signature-requests.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { adoptCertificationProcedures, receiveCertificationDossier } from '../fixtures/certification.ts';
import { makePerson, otpClock, SIGNING_PIN } from '../fixtures/signature-requests.ts';
import { makeStaff } from '../helpers/factories.ts';
import { minimalPdf, setUpDossierTests } from '../http/dossier-setup.ts';
import { auditCoverage, installAuditRefusal, staffActor } from './coverage.ts';

const kek = new Uint8Array(32).fill(9);
const base = await setUpDossierTests();
const { db, province, commune } = base;
const blobStore = createFileSystemBlobStore(join(base.dataDir, 'blobs'));
registerCertificationCompletion();
await adoptCertificationProcedures(db, province, commune);
const chairman = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Chủ');
const clerk = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Văn Thư');
const actorFor = async (role: 'specialist' | 'receptionist') => {
  const row = await findStaffById(db, (await makeStaff(db, { unit: commune, role })).id);
  assert.ok(row);
  return loadActor(db, row);
};
const officer = await actorFor('specialist');
const receptionist = await actorFor('receptionist');
const tick = otpClock();
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'certification');

test('a paper certified, then completed by the seal', async () => {
  const code = await receiveCertificationDossier(db, blobStore, receptionist, commune, '2.000815');
  const certification = await exercise(
    'certification.created',
    'certifications',
    () =>
      certifyPaper({
        db,
        blobStore,
        actor: officer,
        requestId: null,
        code,
        original: minimalPdf(),
        paperTitle: 'Giấy khai sinh',
        copies: 2,
        signerStaffId: chairman.id,
      }),
    {
      expect: (result) => ({
        actor: staffActor(officer.staffId),
        unit: commune.id,
        subject: { type: 'certification', id: result?.id },
      }),
    },
  );
  assert.ok(certification?.signature_request_id);
  const common = { db, blobStore, keyEncryptionKey: kek, requestId: null, pin: SIGNING_PIN };
  const requestIds = [certification.signature_request_id];
  const signed = await tick(chairman.totpSecret);
  await signSignatureRequests({
    ...common,
    actor: chairman.actor,
    requestIds,
    otp: signed.otp,
    idempotencyKey: randomBytes(16).toString('base64url'),
    now: signed.now,
  });
  await exercise(
    'certification.completed',
    'certifications',
    async () => {
      const sealed = await tick(clerk.totpSecret);
      return sealSignatureRequests({
        ...common,
        actor: clerk.actor,
        requestIds,
        otp: sealed.otp,
        idempotencyKey: randomBytes(16).toString('base64url'),
        now: sealed.now,
        publicUrl: 'https://xaso.example.vn',
      });
    },
    {
      expect: {
        actor: staffActor(clerk.id),
        unit: commune.id,
        subject: { type: 'certification', id: certification.id },
      },
      // The clerk's CSC authorisation and signHash commit on their own, each with its event.
      before: {
        actions: ['signing.authorized', 'signing.hashes_signed'],
        tables: ['signing_sads', 'signing_totp'],
      },
    },
  );
});

test('a certification extended by 2 working days for many papers', async () => {
  const code = await receiveCertificationDossier(db, blobStore, receptionist, commune, '2.000815');
  const dossier = await db
    .selectFrom('dossiers')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const extended = await exercise(
    'certification.extended',
    'dossiers',
    () =>
      extendCertification({
        db,
        actor: officer,
        requestId: null,
        code,
        days: 2,
        ground: 'manyPapers',
        reason: 'Mười hai bản chính cùng lúc',
      }),
    {
      expect: {
        actor: staffActor(officer.staffId),
        unit: commune.id,
        subject: { type: 'dossier', id: dossier.id },
      },
    },
  );
  assert.ok(extended?.dueAt);
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
