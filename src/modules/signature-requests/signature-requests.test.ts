import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { basePdf } from '../../../test/fixtures/pdf/corpus.ts';
import {
  makePerson,
  makeSigningUnit,
  otpClock,
  SIGNING_PIN,
  tempBlobStore,
} from '../../../test/fixtures/signature-requests.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { readPdfLayout, verifyPdf } from '../../lib/pdf/index.ts';
import { AppError } from '../../platform/errors.ts';
import { cancelSignatureRequest, returnSignatureRequest } from './close-signature-request.ts';
import { createSignatureRequest } from './create-signature-request.ts';
import { findSignedPdf } from './get-signed-pdf.ts';
import { sealSignatureRequests } from './seal-signature-requests.ts';
import { signSignatureRequests } from './sign-signature-requests.ts';
import { findSignatureRequest } from './signature-request.repository.ts';
import { onSignatureRequestCompleted } from './signature-request-completion.ts';

const { db } = await createTestDatabase();
const kek = new Uint8Array(32).fill(9);
const blobStore = tempBlobStore();
const tick = otpClock();
const key = () => randomBytes(16).toString('base64url');
const PUBLIC_URL = 'https://xaso.example.vn';

async function rootCertificate(): Promise<Uint8Array> {
  const row = await db
    .selectFrom('signing_authorities')
    .select('certificate')
    .where('role', '=', 'root')
    .executeTakeFirstOrThrow();
  return new Uint8Array(Buffer.from(row.certificate, 'base64'));
}

async function auditActions(subjectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

async function request(
  people: Awaited<ReturnType<typeof makeSigningUnit>>,
  options: { subjectType?: string; needsSeal?: boolean } = {},
) {
  return db.transaction().execute(async (trx) =>
    createSignatureRequest(trx, {
      blobStore,
      actorStaffId: people.specialist.id,
      requestId: null,
      unitId: people.unit.id,
      subjectType: options.subjectType ?? 'document',
      subjectId: `DOC-${randomBytes(4).toString('hex')}`,
      title: 'Quyết định cấp phép',
      pdf: await basePdf(2),
      signerStaffId: people.leader.id,
      needsSeal: options.needsSeal ?? true,
    }),
  );
}

const people = await makeSigningUnit(db, kek);

test('create → leader signs → clerk seals: two B-T signatures, completed, every step audited', async () => {
  const created = await request(people);
  assert.equal(created.state, 'awaiting_leader');
  const prepared = await blobStore.get(created.current_sha256);
  assert.ok(prepared);
  // Both fields are in the document before any signature, on the last page, the seal left of the leader.
  const fields = readPdfLayout(prepared).signatureFields;
  assert.deepEqual(
    fields.map((f) => [f.name, f.page, f.isSigned]),
    [
      ['Leader', 2, false],
      ['Seal', 2, false],
    ],
  );

  const leaderOtp = await tick(people.leader.totpSecret);
  const signed = await signSignatureRequests({
    db,
    blobStore,
    keyEncryptionKey: kek,
    actor: people.leader.actor,
    requestId: null,
    requestIds: [created.id],
    pin: SIGNING_PIN,
    otp: leaderOtp.otp,
    idempotencyKey: key(),
    now: leaderOtp.now,
  });
  assert.equal(signed.requests[0]?.state, 'awaiting_seal');

  const clerkOtp = await tick(people.clerk.totpSecret);
  const sealed = await sealSignatureRequests({
    db,
    blobStore,
    keyEncryptionKey: kek,
    actor: people.clerk.actor,
    requestId: null,
    requestIds: [created.id],
    pin: SIGNING_PIN,
    otp: clerkOtp.otp,
    idempotencyKey: key(),
    now: clerkOtp.now,
    publicUrl: PUBLIC_URL,
  });
  const done = sealed.requests[0];
  assert.equal(done?.state, 'completed');
  assert.equal(done?.sealed_by_staff_id, people.clerk.id);

  const found = await findSignedPdf({
    db,
    blobStore,
    subjectType: 'document',
    subjectId: created.subject_id,
  });
  assert.equal(found?.request.id, created.id);
  const pdf = found?.pdf;
  assert.ok(pdf);
  const report = await verifyPdf(pdf, { trustAnchors: [await rootCertificate()], at: clerkOtp.now });
  assert.equal(report.signatures.length, 2);
  for (const s of report.signatures) {
    assert.notEqual(s.verdict, 'TOTAL_FAILED', JSON.stringify(s));
    assert.equal(s.level, 'B-T');
    assert.deepEqual(s.modifications.disallowed, []);
  }
  assert.deepEqual(
    report.signatures.map((s) => s.fieldName),
    ['Leader', 'Seal'],
  );
  assert.deepEqual(await auditActions(created.id), [
    'signature_request.created',
    'signature_request.signed',
    'signature_request.sealed',
  ]);
});

test('batch: one PIN + one code signs N requests; a re-post of the same form signs nothing again', async () => {
  const batch = [await request(people), await request(people), await request(people)];
  const ids = batch.map((r) => r.id);
  const form = key();
  const { now, otp } = await tick(people.leader.totpSecret);
  const options = {
    db,
    blobStore,
    keyEncryptionKey: kek,
    actor: people.leader.actor,
    requestId: null,
    requestIds: ids,
    pin: SIGNING_PIN,
    otp,
    idempotencyKey: form,
    now,
  };
  const first = await signSignatureRequests(options);
  assert.equal(first.isRepeat, false);
  assert.deepEqual(
    first.requests.map((r) => r.state),
    ['awaiting_seal', 'awaiting_seal', 'awaiting_seal'],
  );
  const hashes = first.requests.map((r) => r.current_sha256);
  // The same form again (the answer was lost): success reported, nothing signed twice.
  const again = await signSignatureRequests(options);
  assert.equal(again.isRepeat, true);
  assert.deepEqual(again.requests.map((r) => r.current_sha256).sort(), [...hashes].sort());
  // Another form on the same requests: refused by the state guard, before any PIN is checked.
  const next = await tick(people.leader.totpSecret);
  await assert.rejects(
    signSignatureRequests({ ...options, idempotencyKey: key(), otp: next.otp, now: next.now }),
    (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE',
  );
  const authorisations = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'signing.authorized')
    .where('subject_id', '=', people.leader.credentialId ?? '')
    .where('occurred_at', '=', now)
    .executeTakeFirstOrThrow();
  assert.equal(Number(authorisations.n), 1, 'one authorisation for the whole batch');
  for (const id of ids) {
    assert.deepEqual(await auditActions(id), ['signature_request.created', 'signature_request.signed']);
  }
});

test('a wrong PIN or a used code signs nothing', async () => {
  const created = await request(people);
  const { now, otp } = await tick(people.leader.totpSecret);
  const base = {
    db,
    blobStore,
    keyEncryptionKey: kek,
    actor: people.leader.actor,
    requestId: null,
    requestIds: [created.id],
    idempotencyKey: key(),
    now,
  };
  await assert.rejects(signSignatureRequests({ ...base, pin: '000000', otp }), /Wrong PIN/);
  assert.equal((await findSignatureRequest(db, created.id))?.state, 'awaiting_leader');
  await signSignatureRequests({ ...base, pin: SIGNING_PIN, otp });
  await db
    .updateTable('signing_credentials')
    .set({ failed_pins: 0 })
    .where('id', '=', people.leader.credentialId ?? '')
    .execute();
});

test('the completion handler runs in the seal transaction; a failing handler rolls the seal back', async () => {
  const seen: string[] = [];
  const remove = onSignatureRequestCompleted('dossier-result', async (trx, completed) => {
    // Inside the same transaction: the row is already completed there.
    const row = await trx
      .selectFrom('signature_requests')
      .select('state')
      .where('id', '=', completed.id)
      .executeTakeFirstOrThrow();
    seen.push(`${completed.subject_id}:${row.state}`);
    if (completed.title.includes('fail')) {
      throw new AppError('INVALID_STATE', 'the dossier is not ready');
    }
  });
  try {
    const ok = await request(people, { subjectType: 'dossier-result' });
    const failing = await db.transaction().execute(async (trx) =>
      createSignatureRequest(trx, {
        blobStore,
        actorStaffId: null,
        requestId: null,
        unitId: people.unit.id,
        subjectType: 'dossier-result',
        subjectId: 'H57-261207-0001',
        title: 'will fail',
        pdf: await basePdf(1),
        signerStaffId: people.leader.id,
      }),
    );
    const l = await tick(people.leader.totpSecret);
    await signSignatureRequests({
      db,
      blobStore,
      keyEncryptionKey: kek,
      actor: people.leader.actor,
      requestId: null,
      requestIds: [ok.id, failing.id],
      pin: SIGNING_PIN,
      otp: l.otp,
      idempotencyKey: key(),
      now: l.now,
    });
    assert.deepEqual(seen, [], 'not complete before the seal');
    const sealOptions = async (ids: string[]) => {
      const c = await tick(people.clerk.totpSecret);
      return {
        db,
        blobStore,
        keyEncryptionKey: kek,
        actor: people.clerk.actor,
        requestId: null,
        requestIds: ids,
        pin: SIGNING_PIN,
        otp: c.otp,
        idempotencyKey: key(),
        now: c.now,
        publicUrl: PUBLIC_URL,
      };
    };
    await sealSignatureRequests(await sealOptions([ok.id]));
    assert.deepEqual(seen, [`${ok.subject_id}:completed`]);
    await assert.rejects(sealSignatureRequests(await sealOptions([failing.id])), /not ready/);
    const after = await findSignatureRequest(db, failing.id);
    assert.equal(after?.state, 'awaiting_seal');
    assert.equal(after?.sealed_at, null);
    assert.deepEqual(await auditActions(failing.id), [
      'signature_request.created',
      'signature_request.signed',
    ]);
  } finally {
    remove();
  }
});

test('a request without seal is completed by its signature', async () => {
  const seen: string[] = [];
  const remove = onSignatureRequestCompleted('notice', async (_trx, r) => {
    seen.push(r.id);
  });
  try {
    const created = await request(people, { subjectType: 'notice', needsSeal: false });
    const fields = readPdfLayout((await blobStore.get(created.current_sha256)) ?? new Uint8Array());
    assert.deepEqual(
      fields.signatureFields.map((f) => f.name),
      ['Leader'],
    );
    const { now, otp } = await tick(people.leader.totpSecret);
    const { requests } = await signSignatureRequests({
      db,
      blobStore,
      keyEncryptionKey: kek,
      actor: people.leader.actor,
      requestId: null,
      requestIds: [created.id],
      pin: SIGNING_PIN,
      otp,
      idempotencyKey: key(),
      now,
    });
    assert.equal(requests[0]?.state, 'completed');
    assert.deepEqual(seen, [created.id]);
  } finally {
    remove();
  }
});

test('return with a reason and cancel: guarded, audited, then closed for signing', async () => {
  const returned = await request(people);
  await assert.rejects(
    returnSignatureRequest({
      db,
      actor: people.leader.actor,
      requestId: null,
      signatureRequestId: returned.id,
      reason: ' ',
    }),
    (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
  );
  const row = await returnSignatureRequest({
    db,
    actor: people.leader.actor,
    requestId: null,
    signatureRequestId: returned.id,
    reason: 'Sai số liệu ở mục 2',
  });
  assert.equal(row.state, 'returned');
  assert.equal(row.return_reason, 'Sai số liệu ở mục 2');
  const { now, otp } = await tick(people.leader.totpSecret);
  await assert.rejects(
    signSignatureRequests({
      db,
      blobStore,
      keyEncryptionKey: kek,
      actor: people.leader.actor,
      requestId: null,
      requestIds: [returned.id],
      pin: SIGNING_PIN,
      otp,
      idempotencyKey: key(),
      now,
    }),
    (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE',
  );
  const cancelled = await request(people);
  await cancelSignatureRequest({
    db,
    actor: people.specialist.actor,
    requestId: null,
    signatureRequestId: cancelled.id,
  });
  await assert.rejects(
    cancelSignatureRequest({
      db,
      actor: people.specialist.actor,
      requestId: null,
      signatureRequestId: cancelled.id,
    }),
    (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE',
  );
  assert.deepEqual(await auditActions(returned.id), [
    'signature_request.created',
    'signature_request.returned',
  ]);
  assert.deepEqual(await auditActions(cancelled.id), [
    'signature_request.created',
    'signature_request.cancelled',
  ]);
});

test('authorisation: only the addressed leader signs, only a clerk of the unit seals, others cannot close', async () => {
  const other = await makeSigningUnit(db, kek);
  const secondLeader = await makePerson(db, kek, people.unit, 'leader');
  const created = await request(people);
  const attempt = async (actor: typeof people.leader, seal = false) => {
    const { now, otp } = await tick(actor.totpSecret);
    const options = {
      db,
      blobStore,
      keyEncryptionKey: kek,
      actor: actor.actor,
      requestId: null,
      requestIds: [created.id],
      pin: SIGNING_PIN,
      otp,
      idempotencyKey: key(),
      now,
    };
    return seal
      ? sealSignatureRequests({ ...options, publicUrl: PUBLIC_URL })
      : signSignatureRequests(options);
  };
  const forbidden = (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN';
  await assert.rejects(attempt(secondLeader), forbidden, 'another leader of the unit');
  await assert.rejects(attempt(other.leader), forbidden, 'a leader of another unit');
  await assert.rejects(attempt(people.specialist), forbidden, 'a specialist');
  await assert.rejects(attempt(people.clerk), forbidden, 'a clerk cannot sign as leader');
  await assert.rejects(
    returnSignatureRequest({
      db,
      actor: secondLeader.actor,
      requestId: null,
      signatureRequestId: created.id,
      reason: 'x',
    }),
    forbidden,
  );
  await assert.rejects(
    cancelSignatureRequest({
      db,
      actor: other.specialist.actor,
      requestId: null,
      signatureRequestId: created.id,
    }),
    forbidden,
  );
  await attempt(people.leader);
  await assert.rejects(attempt(other.clerk, true), forbidden, 'a clerk of another unit');
  await assert.rejects(attempt(people.leader, true), forbidden, 'a leader cannot seal');
  const sealed = await attempt(people.clerk, true);
  assert.equal(sealed.requests[0]?.state, 'completed');
});

test('bad requests: not a PDF, a signer who is not a leader of the unit', async () => {
  const base = {
    blobStore,
    actorStaffId: people.specialist.id,
    requestId: null,
    unitId: people.unit.id,
    subjectType: 'document',
    subjectId: 'X1',
    title: 'T',
  };
  await assert.rejects(
    db
      .transaction()
      .execute((trx) =>
        createSignatureRequest(trx, { ...base, pdf: Buffer.from('hello'), signerStaffId: people.leader.id }),
      ),
    (e: unknown) => e instanceof AppError && e.code === 'UNSUPPORTED_MEDIA_TYPE',
  );
  await assert.rejects(
    db
      .transaction()
      .execute(async (trx) =>
        createSignatureRequest(trx, { ...base, pdf: await basePdf(1), signerStaffId: people.clerk.id }),
      ),
    (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
  );
  const count = await sql<{
    n: string;
  }>`select count(*) as n from signature_requests where subject_id = 'X1'`.execute(db);
  assert.equal(Number(count.rows[0]?.n), 0);
});
