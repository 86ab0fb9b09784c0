// Closing a signature request without signing it: the leader returns it with a reason, the submitter
// cancels it; both are audited and leave nothing to sign.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUpSignatureRequestTests } from '../../../test/fixtures/signature-requests.ts';
import { AppError } from '../../platform/errors.ts';
import { cancelSignatureRequest, returnSignatureRequest } from './close-signature-request.ts';
import { signSignatureRequests } from './sign-signature-requests.ts';

const { db, people, request, approval, auditActions } = await setUpSignatureRequestTests();

test('return with a reason and cancel: guarded, audited, then closed for signing', async () => {
  const returned = await request();
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
  await assert.rejects(
    signSignatureRequests(await approval(people.leader, [returned.id])),
    (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE',
  );
  const cancelled = await request();
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
