// Completing a signature request runs the handler registered for its subject type (a dossier's result,
// a notice) in the transaction that completes it: after the seal, or after the signature when no seal is
// asked for; a handler that fails rolls the seal back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basePdf } from '../../../test/fixtures/pdf/corpus.ts';
import { setUpSignatureRequestTests } from '../../../test/fixtures/signature-requests.ts';
import { readPdfLayout } from '../../lib/pdf/index.ts';
import { AppError } from '../../platform/errors.ts';
import { createSignatureRequest } from './create-signature-request.ts';
import { sealSignatureRequests } from './seal-signature-requests.ts';
import { signSignatureRequests } from './sign-signature-requests.ts';
import { findSignatureRequest } from './signature-request.repository.ts';
import { onSignatureRequestCompleted } from './signature-request-completion.ts';

const { db, blobStore, people, publicUrl, request, approval, auditActions } =
  await setUpSignatureRequestTests();

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
    const ok = await request({ subjectType: 'dossier-result' });
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
    await signSignatureRequests(await approval(people.leader, [ok.id, failing.id]));
    assert.deepEqual(seen, [], 'not complete before the seal');
    const sealOptions = async (ids: string[]) => ({ ...(await approval(people.clerk, ids)), publicUrl });
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
    const created = await request({ subjectType: 'notice', needsSeal: false });
    const fields = readPdfLayout((await blobStore.get(created.current_sha256)) ?? new Uint8Array());
    assert.deepEqual(
      fields.signatureFields.map((f) => f.name),
      ['Leader'],
    );
    const { requests } = await signSignatureRequests(await approval(people.leader, [created.id]));
    assert.equal(requests[0]?.state, 'completed');
    assert.deepEqual(seen, [created.id]);
  } finally {
    remove();
  }
});
