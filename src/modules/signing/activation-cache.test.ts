// The in-memory activation (activation-cache.ts) keeps custody: after PIN + code, each later authorisation
// still needs the right PIN (a wrong one is counted toward the lock), a fresh one-time code, a usable
// credential, and the same PIN wrap (a PIN change ends it); entries expire.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { makeSigningUnit, otpClock, SIGNING_PIN } from '../../../test/fixtures/signature-requests.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { ACTIVATION_IDLE_MS, forgetAllActivations, useActivation } from './activation-cache.ts';
import { authorizeCredential } from './authorize-credential.ts';
import { changePin } from './change-pin.ts';
import { SHA256_OID } from './signature-oids.ts';
import { findCredential } from './signing.repository.ts';

const { db } = await createTestDatabase();
const kek = new Uint8Array(32).fill(9);
const { leader } = await makeSigningUnit(db, kek);
const credentialId = leader.credentialId ?? '';
const tick = otpClock();
let n = 0;

async function authorize(pin: string, reuse?: { now: Date; otp: string }) {
  const { now, otp } = reuse ?? (await tick(leader.totpSecret));
  const hash = createHash('sha256').update(`doc ${++n}`).digest('base64');
  await authorizeCredential({
    db,
    keyEncryptionKey: kek,
    actor: leader.actor,
    requestId: null,
    credentialId,
    numSignatures: 1,
    hashes: [hash],
    hashAlgorithmOid: SHA256_OID,
    pin,
    otp,
    now,
  });
  return { now, otp };
}
const failedPins = async () => (await findCredential(db, credentialId))?.failed_pins;
const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

test('after PIN + code, a wrong PIN is still refused and counted; a used code is still refused', async () => {
  forgetAllActivations();
  const first = await authorize(SIGNING_PIN);
  const credential = await findCredential(db, credentialId);
  assert.ok(credential && useActivation(credential, SIGNING_PIN, first.now), 'activated');
  await assert.rejects(authorize('000000'), code('INVALID_CREDENTIALS'));
  assert.equal(await failedPins(), 1);
  // The wrong PIN dropped the activation: the right PIN opens the key the slow way and resets the count.
  assert.equal(useActivation(credential, SIGNING_PIN, first.now), undefined);
  const second = await authorize(SIGNING_PIN);
  assert.equal(await failedPins(), 0);
  await assert.rejects(authorize(SIGNING_PIN, second), code('INVALID_CREDENTIALS'), 'the code was used');
  assert.equal(await failedPins(), 1);
  await authorize(SIGNING_PIN);
});

test('a PIN change ends the activation; entries expire when idle', async () => {
  forgetAllActivations();
  const { now } = await authorize(SIGNING_PIN);
  const before = await findCredential(db, credentialId);
  assert.ok(before && useActivation(before, SIGNING_PIN, now));
  assert.equal(
    useActivation(before, SIGNING_PIN, new Date(now.getTime() + ACTIVATION_IDLE_MS + 1)),
    undefined,
  );
  await authorize(SIGNING_PIN);
  await changePin({
    db,
    keyEncryptionKey: kek,
    actor: leader.actor,
    requestId: null,
    credentialId,
    currentPin: SIGNING_PIN,
    newPin: '864209',
  });
  await assert.rejects(authorize(SIGNING_PIN), code('INVALID_CREDENTIALS'), 'the old PIN no longer works');
  await authorize('864209');
  await db
    .updateTable('signing_credentials')
    .set({ locked_at: new Date() })
    .where('id', '=', credentialId)
    .execute();
  await assert.rejects(
    authorize('864209'),
    code('ACCOUNT_LOCKED'),
    'a locked credential ignores its activation',
  );
});
