// CSC API v2 from an outside client (issue 5 §3 "Done when"): a signHash signature verifies with openssl
// against the returned certificate; a SAD cannot be reused or used for another hash or credential; the
// OTP is required; five wrong PINs lock; a database dump alone cannot open a key.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { KeyEnvelopeError, openPrivateKey } from '../../src/modules/signing/key-envelope.ts';
import { unlockCredential } from '../../src/modules/signing/manage-credential.ts';
import { makeStaff } from '../helpers/factories.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { requireTool } from '../helpers/tools.ts';
import { csc, ECDSA_SHA256, makeSigner, PIN, RSA_SHA256, SHA256 } from './csc-helpers.ts';

const config = testConfig();
const kek = config.secrets.keyEncryption;
const { app, db } = await createTestApp({ config });

const actorOf = async (id: string) => loadActor(db, (await findStaffById(db, id))!);
const digest = (text: string) => createHash('sha256').update(text).digest().toString('base64');
const pem = (b64: string) =>
  `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;

async function authorize(
  token: string,
  credentialID: string,
  hashes: string[],
  authData: { id: string; value: string }[],
) {
  return csc(app, token, 'credentials/authorize', {
    credentialID,
    numSignatures: hashes.length,
    hashes,
    hashAlgorithmOID: SHA256,
    authData,
  });
}

test('info, list and info: the credential, its chain and explicit PIN + OTP authorisation', async () => {
  const info = await app.inject({ method: 'POST', url: '/csc/v2/info', payload: {} });
  assert.equal(info.statusCode, 200);
  assert.equal(info.json().specs, '2.0.0.2');
  assert.ok(info.json().methods.includes('signatures/signHash'));

  const signer = await makeSigner(app, db, kek, { keyAlgorithm: 'rsa-2048' });
  const list = await csc(app, signer.token, 'credentials/list', {});
  assert.deepEqual(list.json.credentialIDs, [signer.credentialId]);
  const details = await csc(app, signer.token, 'credentials/info', {
    credentialID: signer.credentialId,
    certificates: 'chain',
  });
  assert.equal(details.status, 200);
  const json = details.json as {
    key: { algo: string[]; len: number; status: string };
    cert: { certificates: string[]; status: string; subjectDN: string; issuerDN: string };
    authMode: string;
    auth: { objects: { id: string }[] };
  };
  assert.deepEqual(json.key.algo, ['1.2.840.113549.1.1.1']);
  assert.equal(json.key.len, 2048);
  assert.equal(json.key.status, 'enabled');
  assert.equal(json.authMode, 'explicit');
  assert.deepEqual(
    json.auth.objects.map((o) => o.id),
    ['PIN', 'OTP'],
  );
  assert.equal(json.cert.certificates.length, 3, 'signer, issuing CA, root');
  assert.equal(json.cert.status, 'valid');
  assert.match(json.cert.issuerDN, /Demo Government Specialized CA - NOT FOR PRODUCTION/);
  assert.match(json.cert.subjectDN, /^CN=Nguyễn Văn Thử, T=Chuyên viên/);

  const stranger = await makeSigner(app, db, kek);
  const foreign = await csc(app, stranger.token, 'credentials/info', { credentialID: signer.credentialId });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.json.error, 'invalid_request');
  const anonymous = await app.inject({ method: 'POST', url: '/csc/v2/credentials/list', payload: {} });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().error, 'invalid_token');
  const badToken = await csc(app, 'nope', 'credentials/list', {});
  assert.equal(badToken.status, 401);
  assert.equal(badToken.json.error, 'invalid_token');
});

for (const [keyAlgorithm, signAlgo] of [
  ['rsa-2048', RSA_SHA256],
  ['ec-p256', ECDSA_SHA256],
] as const) {
  test(`authorize + signHash (${keyAlgorithm}): openssl verifies each signature against the certificate`, async (t) => {
    if (!requireTool(t, 'openssl', 'openssl')) {
      return;
    }
    const signer = await makeSigner(app, db, kek, { keyAlgorithm });
    const hashes = [digest('document one'), digest('document two')];
    const auth = await authorize(signer.token, signer.credentialId, hashes, [
      { id: 'PIN', value: PIN },
      { id: 'OTP', value: await signer.otp() },
    ]);
    assert.equal(auth.status, 200, JSON.stringify(auth.json));
    assert.equal(auth.json.expiresIn, 300);
    const signed = await csc(app, signer.token, 'signatures/signHash', {
      credentialID: signer.credentialId,
      SAD: auth.json.SAD,
      hashes,
      hashAlgorithmOID: SHA256,
      signAlgo,
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.json));
    const signatures = signed.json.signatures as string[];
    assert.equal(signatures.length, 2);
    const info = await csc(app, signer.token, 'credentials/info', { credentialID: signer.credentialId });
    const certificate = (info.json.cert as { certificates: string[] }).certificates[0] ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'xaso-csc-'));
    writeFileSync(join(dir, 'cert.pem'), pem(certificate));
    for (const [i, hash] of hashes.entries()) {
      writeFileSync(join(dir, `hash${i}`), Buffer.from(hash, 'base64'));
      writeFileSync(join(dir, `sig${i}`), Buffer.from(signatures[i] ?? '', 'base64'));
      const out = execFileSync('openssl', [
        'pkeyutl',
        '-verify',
        '-certin',
        '-inkey',
        join(dir, 'cert.pem'),
        '-pkeyopt',
        'digest:sha256',
        '-in',
        join(dir, `hash${i}`),
        '-sigfile',
        join(dir, `sig${i}`),
      ]).toString();
      assert.match(out, /Signature Verified Successfully/);
    }
    // A tampered hash does not verify: the check above can fail.
    writeFileSync(join(dir, 'other'), createHash('sha256').update('forged').digest());
    assert.throws(() =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-certin',
          '-inkey',
          join(dir, 'cert.pem'),
          '-pkeyopt',
          'digest:sha256',
          '-in',
          join(dir, 'other'),
          '-sigfile',
          join(dir, 'sig0'),
        ],
        { stdio: 'pipe' },
      ),
    );
  });
}

test('a SAD is bound to its hashes, its credential and one use; an identical retry replays', async () => {
  const signer = await makeSigner(app, db, kek);
  const other = await makeSigner(app, db, kek);
  const hash = digest('approved decision');
  const auth = await authorize(
    signer.token,
    signer.credentialId,
    [hash],
    [
      { id: 'PIN', value: PIN },
      { id: 'OTP', value: await signer.otp() },
    ],
  );
  assert.equal(auth.status, 200);
  const sign = (token: string, credentialID: string, hashes: string[]) =>
    csc(app, token, 'signatures/signHash', {
      credentialID,
      SAD: auth.json.SAD,
      hashes,
      hashAlgorithmOID: SHA256,
      signAlgo: ECDSA_SHA256,
    });

  const forOtherHash = await sign(signer.token, signer.credentialId, [digest('something else')]);
  assert.equal(forOtherHash.status, 400);
  assert.equal(forOtherHash.json.error, 'invalid_sad');
  const withExtraHash = await sign(signer.token, signer.credentialId, [hash, digest('smuggled')]);
  assert.equal(withExtraHash.json.error, 'invalid_sad');
  const byOtherHolder = await sign(other.token, other.credentialId, [hash]);
  assert.equal(byOtherHolder.json.error, 'invalid_sad');

  const first = await sign(signer.token, signer.credentialId, [hash]);
  assert.equal(first.status, 200);
  const retry = await sign(signer.token, signer.credentialId, [hash]);
  assert.equal(retry.status, 200, 'a retry of the same request is answered');
  assert.deepEqual(retry.json.signatures, first.json.signatures, 'with the same signature, not a second one');
  const signedEvents = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', 'signing.hashes_signed')
    .where('subject_id', '=', signer.credentialId)
    .execute();
  assert.equal(signedEvents.length, 1);

  const forged = await csc(app, signer.token, 'signatures/signHash', {
    credentialID: signer.credentialId,
    SAD: `sad_${randomBytes(32).toString('base64url')}`,
    hashes: [hash],
    hashAlgorithmOID: SHA256,
    signAlgo: ECDSA_SHA256,
  });
  assert.equal(forged.json.error, 'invalid_sad');
  const wrongAlgo = await sign(signer.token, signer.credentialId, [hash]).then(() =>
    csc(app, signer.token, 'signatures/signHash', {
      credentialID: signer.credentialId,
      SAD: auth.json.SAD,
      hashes: [hash],
      hashAlgorithmOID: SHA256,
      signAlgo: RSA_SHA256,
    }),
  );
  assert.equal(wrongAlgo.json.error, 'invalid_request');
});

test('the OTP is required, checked, and accepted once', async () => {
  const signer = await makeSigner(app, db, kek);
  const hashes = [digest('needs two factors')];
  const noOtp = await authorize(signer.token, signer.credentialId, hashes, [{ id: 'PIN', value: PIN }]);
  assert.equal(noOtp.status, 400);
  assert.equal(noOtp.json.error, 'invalid_request');
  const code = await signer.otp();
  const wrongOtp = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: PIN },
    { id: 'OTP', value: code === '000000' ? '111111' : '000000' },
  ]);
  assert.equal(wrongOtp.status, 400);
  assert.equal(wrongOtp.json.error, 'invalid_otp');
  const ok = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: PIN },
    { id: 'OTP', value: code },
  ]);
  assert.equal(ok.status, 200);
  const replayed = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: PIN },
    { id: 'OTP', value: code },
  ]);
  assert.equal(replayed.json.error, 'invalid_otp', 'the same code twice is refused');
});

test('five wrong PINs lock the credential until a unit administrator unlocks it', async () => {
  const signer = await makeSigner(app, db, kek);
  const hashes = [digest('locked out')];
  for (let i = 1; i <= 4; i += 1) {
    const wrong = await authorize(signer.token, signer.credentialId, hashes, [
      { id: 'PIN', value: '000001' },
      { id: 'OTP', value: await signer.otp() },
    ]);
    assert.equal(wrong.json.error, 'invalid_pin', `attempt ${i}`);
  }
  const fifth = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: '000001' },
    { id: 'OTP', value: await signer.otp() },
  ]);
  assert.equal(fifth.json.error, 'credential_locked');
  const right = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: PIN },
    { id: 'OTP', value: await signer.otp() },
  ]);
  assert.equal(right.json.error, 'credential_locked', 'even the right PIN is refused while locked');
  const info = await csc(app, signer.token, 'credentials/info', { credentialID: signer.credentialId });
  assert.equal((info.json.key as { status: string }).status, 'disabled');
  const events = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', signer.credentialId)
    .orderBy('id')
    .execute();
  assert.equal(events.filter((e) => e.action === 'signing.pin_failed').length, 5);
  assert.equal(events.filter((e) => e.action === 'signing.credential_locked').length, 1);

  const unit = await db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', signer.unitId)
    .executeTakeFirstOrThrow();
  const clerk = await makeStaff(db, { unit, role: 'clerk' });
  const notAdmin = await actorOf(clerk.id);
  await assert.rejects(
    unlockCredential({ db, actor: notAdmin, requestId: null, credentialId: signer.credentialId }),
    { code: 'FORBIDDEN' },
  );
  const admin = await makeStaff(db, { unit, role: 'unit_admin' });
  await unlockCredential({
    db,
    actor: await actorOf(admin.id),
    requestId: null,
    credentialId: signer.credentialId,
  });
  const afterUnlock = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: PIN },
    { id: 'OTP', value: await signer.otp() },
  ]);
  assert.equal(afterUnlock.status, 200, JSON.stringify(afterUnlock.json));
});

test('wrong one-time codes after a right PIN count towards the lock too', async () => {
  const signer = await makeSigner(app, db, kek);
  const hashes = [digest('guessing codes')];
  const wrong = async () => {
    const code = await signer.otp();
    return authorize(signer.token, signer.credentialId, hashes, [
      { id: 'PIN', value: PIN },
      { id: 'OTP', value: code === '000000' ? '111111' : '000000' },
    ]);
  };
  for (let i = 1; i <= 4; i += 1) {
    assert.equal((await wrong()).json.error, 'invalid_otp', `attempt ${i}`);
  }
  assert.equal((await wrong()).json.error, 'credential_locked');
  const right = await authorize(signer.token, signer.credentialId, hashes, [
    { id: 'PIN', value: PIN },
    { id: 'OTP', value: await signer.otp() },
  ]);
  assert.equal(right.json.error, 'credential_locked');
});

test('a database dump alone cannot open a key: the KEK and the PIN are both needed', async () => {
  const signer = await makeSigner(app, db, kek);
  const row = await db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('id', '=', signer.credentialId)
    .executeTakeFirstOrThrow();
  const sealed = {
    encryptedKey: row.encrypted_key,
    wrappedDataKey: row.wrapped_data_key,
    pinSalt: row.pin_salt,
  };
  const otherKek = new Uint8Array(32).fill(1);
  assert.throws(
    () => openPrivateKey(sealed, otherKek, row.id, PIN),
    (e: unknown) => e instanceof KeyEnvelopeError && e.failure === 'KEK_MISMATCH',
  );
  assert.throws(
    () => openPrivateKey(sealed, kek, row.id),
    (e: unknown) => e instanceof KeyEnvelopeError && e.failure === 'PIN_MISMATCH',
  );
  assert.throws(
    () => openPrivateKey(sealed, kek, row.id, '999999'),
    (e: unknown) => e instanceof KeyEnvelopeError && e.failure === 'PIN_MISMATCH',
  );
  // Copied onto another row (another credential id), the same ciphertext does not open either.
  assert.throws(() => openPrivateKey(sealed, kek, crypto.randomUUID(), PIN), KeyEnvelopeError);
  const key = openPrivateKey(sealed, kek, row.id, PIN);
  assert.equal(key.asymmetricKeyType, 'ec');
  assert.ok(!row.encrypted_key.includes('PRIVATE KEY'));
});
