// Submitting a signature request refuses what cannot be signed: a body that is not a PDF, a signer who is
// not a leader of the unit; nothing is stored either way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { basePdf } from '../../../test/fixtures/pdf/corpus.ts';
import { setUpSignatureRequestTests } from '../../../test/fixtures/signature-requests.ts';
import { AppError } from '../../platform/errors.ts';
import { createSignatureRequest } from './create-signature-request.ts';

const { db, blobStore, people } = await setUpSignatureRequestTests();

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
