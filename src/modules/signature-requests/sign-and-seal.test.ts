// The signing path of a signature request: the leader signs, the unit's clerk seals (two B-T signatures
// in fields laid out before the first), one PIN and one code for a batch, repeats and wrong PINs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUpSignatureRequestTests } from '../../../test/fixtures/signature-requests.ts';
import { readPdfLayout, verifyPdf } from '../../lib/pdf/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findSignedPdf } from './get-signed-pdf.ts';
import { sealSignatureRequests } from './seal-signature-requests.ts';
import { signSignatureRequests } from './sign-signature-requests.ts';
import { findSignatureRequest } from './signature-request.repository.ts';

const { db, blobStore, people, publicUrl, request, approval, rootCertificate, auditActions } =
  await setUpSignatureRequestTests();

test('create → leader signs → clerk seals: two B-T signatures, completed, every step audited', async () => {
  const created = await request();
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

  const signed = await signSignatureRequests(await approval(people.leader, [created.id]));
  assert.equal(signed.requests[0]?.state, 'awaiting_seal');

  const sealing = { ...(await approval(people.clerk, [created.id])), publicUrl };
  const sealed = await sealSignatureRequests(sealing);
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
  const report = await verifyPdf(pdf, { trustAnchors: [await rootCertificate()], at: sealing.now });
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
  const batch = [await request(), await request(), await request()];
  const ids = batch.map((r) => r.id);
  const options = await approval(people.leader, ids);
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
  await assert.rejects(
    signSignatureRequests(await approval(people.leader, ids)),
    (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE',
  );
  const authorisations = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'signing.authorized')
    .where('subject_id', '=', people.leader.credentialId ?? '')
    .where('occurred_at', '=', options.now)
    .executeTakeFirstOrThrow();
  assert.equal(Number(authorisations.n), 1, 'one authorisation for the whole batch');
  for (const id of ids) {
    assert.deepEqual(await auditActions(id), ['signature_request.created', 'signature_request.signed']);
  }
});

test('a wrong PIN or a used code signs nothing', async () => {
  const created = await request();
  const base = await approval(people.leader, [created.id]);
  await assert.rejects(signSignatureRequests({ ...base, pin: '000000' }), /Wrong PIN/);
  assert.equal((await findSignatureRequest(db, created.id))?.state, 'awaiting_leader');
  await signSignatureRequests(base);
  await db
    .updateTable('signing_credentials')
    .set({ failed_pins: 0 })
    .where('id', '=', people.leader.credentialId ?? '')
    .execute();
});
