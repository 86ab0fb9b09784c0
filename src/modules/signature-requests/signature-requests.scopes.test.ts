// One authorisation test for the signature request actions (shared/STYLE.md, opencrvs *.scopes.test.ts):
// only the addressed leader signs, only a clerk of the unit seals, others cannot return or cancel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  makePerson,
  makeSigningUnit,
  type SigningPerson,
  setUpSignatureRequestTests,
} from '../../../test/fixtures/signature-requests.ts';
import { AppError } from '../../platform/errors.ts';
import { cancelSignatureRequest, returnSignatureRequest } from './close-signature-request.ts';
import { sealSignatureRequests } from './seal-signature-requests.ts';
import { signSignatureRequests } from './sign-signature-requests.ts';

const { db, kek, people, publicUrl, request, approval } = await setUpSignatureRequestTests();

test('authorisation: only the addressed leader signs, only a clerk of the unit seals, others cannot close', async () => {
  const other = await makeSigningUnit(db, kek);
  const secondLeader = await makePerson(db, kek, people.unit, 'leader');
  const created = await request();
  const attempt = async (person: SigningPerson, seal = false) => {
    const options = await approval(person, [created.id]);
    return seal ? sealSignatureRequests({ ...options, publicUrl }) : signSignatureRequests(options);
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
