// Audit coverage (issue 4 §1) of signature requests (issue 5 §4): submitted, signed by the leader, sealed
// by the clerk, returned, cancelled, and an administrator's reset of a signer's authenticator; each append
// refused (nothing changes, the signature authorisation included) and then run (one event by the acting
// staff member, on the unit, about the request or the signer). See coverage.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import {
  cancelSignatureRequest,
  returnSignatureRequest,
} from '../../src/modules/signature-requests/close-signature-request.ts';
import { sealSignatureRequests } from '../../src/modules/signature-requests/seal-signature-requests.ts';
import { signSignatureRequests } from '../../src/modules/signature-requests/sign-signature-requests.ts';
import type { SignatureRequest } from '../../src/modules/signature-requests/signature-request.table.ts';
import { submitSignatureRequest } from '../../src/modules/signature-requests/submit-signature-request.ts';
import { resetTotp } from '../../src/modules/signing/reset-totp.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import {
  makePerson,
  makeSigningUnit,
  otpClock,
  SIGNING_PIN,
  type SigningPerson,
  tempBlobStore,
} from '../fixtures/signature-requests.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { auditCoverage, installAuditRefusal, staffActor } from './coverage.ts';

const { db } = await createTestDatabase();
const kek = new Uint8Array(32).fill(9);
const blobStore = tempBlobStore();
const tick = otpClock();
const people = await makeSigningUnit(db, kek);
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'signature-requests');

/** The one event of `action` by `person` on the unit about `request`. */
const about = (person: SigningPerson, request: { id: string } | undefined) => ({
  actor: staffActor(person.id),
  unit: people.unit.id,
  subject: { type: 'signature_request', id: request?.id },
});

/**
 * Remote signing goes through the CSC steps, each committed with its own event: the authorisation (a SAD
 * bound to the hashes, the one-time code spent, `signing.authorized`) and the signHash under that SAD
 * (`signing.hashes_signed`); the request's own transaction (the signed PDF, its state) is the one refused.
 */
const AUTHORISATION = {
  actions: ['signing.authorized', 'signing.hashes_signed'],
  tables: ['signing_sads', 'signing_totp'],
} as const;

const submit = async () =>
  submitSignatureRequest({
    db,
    blobStore,
    actor: people.specialist.actor,
    requestId: null,
    unitId: people.unit.id,
    title: 'Quyết định cấp phép',
    pdf: await basePdf(2),
    signerStaffId: people.leader.id,
    needsSeal: true,
  });

/** A batch signature by `person` with a fresh one-time code (a refused run must not spend the next one). */
const signBatch = async (person: SigningPerson, request: SignatureRequest, seal: boolean) => {
  const { now, otp } = await tick(person.totpSecret);
  const options = {
    db,
    blobStore,
    keyEncryptionKey: kek,
    actor: person.actor,
    requestId: null,
    requestIds: [request.id],
    pin: SIGNING_PIN,
    otp,
    idempotencyKey: randomBytes(16).toString('base64url'),
    now,
  };
  return seal
    ? sealSignatureRequests({ ...options, publicUrl: 'https://xaso.example.vn' })
    : signSignatureRequests(options);
};

test('submitted, signed by the leader, sealed by the clerk', async () => {
  const created = await exercise('signature_request.created', 'signature_requests', submit, {
    expect: (result) => about(people.specialist, result),
  });
  assert.ok(created);
  await exercise(
    'signature_request.signed',
    'signature_requests',
    () => signBatch(people.leader, created, false),
    {
      expect: about(people.leader, created),
      before: AUTHORISATION,
    },
  );
  await exercise(
    'signature_request.sealed',
    'signature_requests',
    () => signBatch(people.clerk, created, true),
    {
      expect: about(people.clerk, created),
      before: AUTHORISATION,
    },
  );
});

test('returned by the leader, cancelled by the submitter', async () => {
  const returned = await submit();
  await exercise(
    'signature_request.returned',
    'signature_requests',
    () =>
      returnSignatureRequest({
        db,
        actor: people.leader.actor,
        requestId: null,
        signatureRequestId: returned.id,
        reason: 'Sai số quyết định',
      }),
    { expect: about(people.leader, returned) },
  );
  const cancelled = await submit();
  await exercise(
    'signature_request.cancelled',
    'signature_requests',
    () =>
      cancelSignatureRequest({
        db,
        actor: people.specialist.actor,
        requestId: null,
        signatureRequestId: cancelled.id,
      }),
    { expect: about(people.specialist, cancelled) },
  );
});

test("an administrator resets a signer's authenticator", async () => {
  const admin = await makePerson(db, kek, people.unit, 'unit_admin');
  await exercise(
    'signing.totp_reset',
    null,
    () =>
      resetTotp({
        db,
        actor: admin.actor,
        requestId: null,
        credentialId: people.leader.credentialId as string,
      }),
    {
      expect: {
        actor: staffActor(admin.id),
        unit: people.unit.id,
        subject: { type: 'staff', id: people.leader.id },
      },
    },
  );
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
