// Remote signing's cost in database round trips (the benchmark's p95 goal, counted rather than timed):
// credentials/authorize is one read and one transaction of two statements (the SAD insert consuming the
// code, the audit event); signatures/signHash one transaction of three. Each transaction adds its BEGIN
// and COMMIT. And the one-statement code consumption still accepts a code once under a race.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { makeSigningUnit, otpClock, SIGNING_PIN } from '../../../test/fixtures/signature-requests.ts';
import { logStatements } from '../../../test/helpers/statement-log.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { forgetAllActivations } from './activation-cache.ts';
import { authorizeCredential } from './authorize-credential.ts';
import { signHashes } from './sign-hashes.ts';
import { ECDSA_SIGN_OIDS, SHA256_OID } from './signature-oids.ts';

const { db: plainDb } = await createTestDatabase();
const kek = new Uint8Array(32).fill(9);
const { leader } = await makeSigningUnit(plainDb, kek);
const credentialId = leader.credentialId ?? '';
const tick = otpClock();
const { db, statements } = logStatements(plainDb);
let n = 0;
const nextHash = () => createHash('sha256').update(`document ${++n}`).digest('base64');

async function authorize(hashes: string[], clock: { now: Date; otp: string }) {
  return authorizeCredential({
    db,
    keyEncryptionKey: kek,
    actor: leader.actor,
    requestId: null,
    credentialId,
    numSignatures: hashes.length,
    hashes,
    hashAlgorithmOid: SHA256_OID,
    pin: SIGNING_PIN,
    ...clock,
  });
}

/** Statements other than the audit event's (another module's business: counted apart). */
const own = (all: string[]) => all.filter((s) => !/audit/.test(s));

test('authorize is 1 read + 1 write (+ audit); signHash is 1 locked read + 1 write (+ audit)', async () => {
  forgetAllActivations();
  await authorize([nextHash()], await tick(leader.totpSecret)); // opens the key (scrypt), then cached
  const hashes = [nextHash(), nextHash()];
  const clock = await tick(leader.totpSecret);
  statements.length = 0;
  const { sad } = await authorize(hashes, clock);
  const authorizeStatements = [...statements];
  assert.deepEqual(own(authorizeStatements), [
    'signing_credentials',
    'with code as ( update signing_totp set l',
  ]);
  assert.ok(
    authorizeStatements.length - own(authorizeStatements).length >= 1,
    'the authorisation is audited',
  );

  statements.length = 0;
  const signatures = await signHashes({
    db,
    keyEncryptionKey: kek,
    actor: leader.actor,
    requestId: null,
    credentialId,
    sad,
    hashes,
    hashAlgorithmOid: SHA256_OID,
    signAlgorithmOid: ECDSA_SIGN_OIDS[0], // the fixture's leader holds a P-256 key
    now: clock.now,
  });
  assert.equal(signatures.length, 2);
  assert.deepEqual(own(statements), ['signing_sads', 'signing_sads']);
  assert.ok(statements.length - own(statements).length >= 1, 'the signature is audited');
});

test('two authorisations racing with the same code: exactly one gets a SAD', async () => {
  const clock = await tick(leader.totpSecret);
  const results = await Promise.allSettled([authorize([nextHash()], clock), authorize([nextHash()], clock)]);
  const passed = results.filter((r) => r.status === 'fulfilled');
  assert.equal(passed.length, 1, JSON.stringify(results.map((r) => r.status)));
  const refused = results.find((r) => r.status === 'rejected');
  assert.ok(
    refused?.status === 'rejected' &&
      refused.reason instanceof AppError &&
      refused.reason.code === 'INVALID_CREDENTIALS',
  );
});
