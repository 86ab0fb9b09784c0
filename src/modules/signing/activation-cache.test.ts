// The in-memory activation (activation-cache.ts) keeps custody: after PIN + code, each later authorisation
// still needs the right PIN (a wrong one is counted toward the lock), a fresh one-time code, a usable
// credential, and the same PIN wrap (a PIN change ends it); entries expire. signHash reuses the
// activation's signer only for the activated data key, and its signatures verify.
import assert from 'node:assert/strict';
import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { makeSigningUnit, otpClock, SIGNING_PIN } from '../../../test/fixtures/signature-requests.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { createKeySigner } from '../../lib/pki/index.ts';
import { AppError } from '../../platform/errors.ts';
import {
  ACTIVATION_IDLE_MS,
  activatedSigner,
  forgetAllActivations,
  useActivation,
} from './activation-cache.ts';
import { der } from './authority-keys.ts';
import { authorizeCredential } from './authorize-credential.ts';
import { changePin } from './change-pin.ts';
import { decryptPrivateKey } from './key-envelope.ts';
import { signHashes } from './sign-hashes.ts';
import { ECDSA_SIGN_OIDS, SHA256_OID } from './signature-oids.ts';
import { findCredential } from './signing.repository.ts';

const { db } = await createTestDatabase();
const kek = new Uint8Array(32).fill(9);
const { leader } = await makeSigningUnit(db, kek);
const credentialId = leader.credentialId ?? '';
const tick = otpClock();
let n = 0;
const asLeader = { db, keyEncryptionKey: kek, actor: leader.actor, requestId: null, credentialId };

async function authorize(pin: string, reuse?: { now: Date; otp: string }) {
  const { now, otp } = reuse ?? (await tick(leader.totpSecret));
  const message = `doc ${++n}`;
  const hash = createHash('sha256').update(message).digest('base64');
  const { sad } = await authorizeCredential({
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
  return { now, otp, sad, hash, message };
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

test('signHash reuses the activated signer only for the activated data key, while fresh', async () => {
  forgetAllActivations();
  const certificate = new X509Certificate(der((await findCredential(db, credentialId))?.certificate ?? ''));
  for (let i = 0; i < 3; i++) {
    const { now, sad, hash, message } = await authorize(SIGNING_PIN);
    const [signature] = await signHashes({
      ...asLeader,
      sad,
      hashes: [hash],
      hashAlgorithmOid: SHA256_OID,
      signAlgorithmOid: ECDSA_SIGN_OIDS[0],
      now,
    });
    const valid = verify(
      'sha256',
      Buffer.from(message),
      certificate.publicKey,
      Buffer.from(signature ?? '', 'base64'),
    );
    assert.ok(valid, `signature ${i} verifies`);
  }
  const { now } = await authorize(SIGNING_PIN);
  const credential = await findCredential(db, credentialId);
  const dataKey = credential && useActivation(credential, SIGNING_PIN, now);
  assert.ok(credential && dataKey);
  let builds = 0;
  const build = (key: Uint8Array) => () => {
    builds++;
    const sealed = {
      encryptedKey: credential.encrypted_key,
      wrappedDataKey: credential.wrapped_data_key,
      pinSalt: credential.pin_salt,
    };
    return createKeySigner({
      privateKey: decryptPrivateKey(sealed, key, credential.id),
      certificate: der(credential.certificate),
    });
  };
  const kept = activatedSigner(credential, dataKey, now, build(dataKey));
  assert.equal(builds, 0, 'the signHash calls above already built the activation’s signer');
  assert.equal(activatedSigner(credential, dataKey, now, build(dataKey)), kept);
  const other = randomBytes(32);
  assert.throws(() => activatedSigner(credential, other, now, build(other)), 'another key builds its own');
  assert.equal(builds, 1);
  const later = new Date(now.getTime() + ACTIVATION_IDLE_MS + 1);
  assert.notEqual(
    activatedSigner(credential, dataKey, later, build(dataKey)),
    kept,
    'an idle entry is not used',
  );
  assert.equal(builds, 2);
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
