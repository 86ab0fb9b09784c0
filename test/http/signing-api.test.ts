// The signing JSON API (issue 5 §1–2): the unit administrator issues (a clerk may not), the holder
// enrols TOTP and replaces the activation PIN with their own, then signs through CSC with it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { generate } from 'otplib';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { csc, cscLogin, SHA256 } from './csc-helpers.ts';

const { app, db } = await createTestApp({ config: testConfig() });

async function api(token: string, url: string, payload?: Record<string, unknown>) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
}

test('issue by the unit administrator, TOTP enrolment and PIN change by the holder, then a signature', async () => {
  const province = await makeUnit(db);
  const unit = await makeUnit(db, { parent: province, kind: 'commune' });
  const leader = await makeStaff(db, { unit, role: 'leader' });
  const admin = await makeStaff(db, { unit, role: 'unit_admin' });
  const clerk = await makeStaff(db, { unit, role: 'clerk' });
  const leaderToken = await cscLogin(app, leader.username, leader.password);
  const adminToken = await cscLogin(app, admin.username, admin.password);
  const clerkToken = await cscLogin(app, clerk.username, clerk.password);
  const request = { kind: 'personal', unitId: unit.id, holderStaffId: leader.id, keyAlgorithm: 'ec-p256' };

  const denied = await api(clerkToken, '/api/v1/signing/credentials', request);
  assert.equal(denied.status, 403);
  assert.equal(denied.json.error.code, 'FORBIDDEN');
  const issued = await api(adminToken, '/api/v1/signing/credentials', request);
  assert.equal(issued.status, 201, JSON.stringify(issued.json));
  const { credentialId, activationPin } = issued.json as { credentialId: string; activationPin: string };
  assert.match(activationPin, /^[0-9]{8}$/);
  const stored = await db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('id', '=', credentialId)
    .executeTakeFirstOrThrow();
  assert.ok(!JSON.stringify(stored).includes(activationPin), 'the activation PIN is not stored');

  const enrol = await api(leaderToken, '/api/v1/signing/totp');
  assert.equal(enrol.status, 200);
  const { secret, uri } = enrol.json as { secret: string; uri: string };
  assert.match(uri, /^otpauth:\/\/totp\//);
  assert.equal(
    (
      await api(leaderToken, '/api/v1/signing/totp/confirm', {
        code: '000000' === (await generate({ secret })) ? '111111' : '000000',
      })
    ).status,
    400,
  );
  assert.equal(
    (await api(leaderToken, '/api/v1/signing/totp/confirm', { code: await generate({ secret }) })).status,
    204,
  );
  assert.equal(
    (await api(leaderToken, '/api/v1/signing/totp')).status,
    409,
    'a confirmed factor is not replaced',
  );

  const wrongPin = await api(leaderToken, `/api/v1/signing/credentials/${credentialId}/pin`, {
    currentPin: '11111111',
    newPin: '975310',
  });
  assert.equal(wrongPin.status, 401);
  const weakPin = await api(leaderToken, `/api/v1/signing/credentials/${credentialId}/pin`, {
    currentPin: activationPin,
    newPin: '123',
  });
  assert.equal(weakPin.status, 400);
  const notHolder = await api(adminToken, `/api/v1/signing/credentials/${credentialId}/pin`, {
    currentPin: activationPin,
    newPin: '975310',
  });
  assert.equal(notHolder.status, 404);
  const changed = await api(leaderToken, `/api/v1/signing/credentials/${credentialId}/pin`, {
    currentPin: activationPin,
    newPin: '975310',
  });
  assert.equal(changed.status, 204);

  const hashes = [createHash('sha256').update('after enrolment').digest('base64')];
  const authorize = (pin: string, offset: number) =>
    generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 }).then((otp) =>
      csc(app, leaderToken, 'credentials/authorize', {
        credentialID: credentialId,
        numSignatures: 1,
        hashes,
        hashAlgorithmOID: SHA256,
        authData: [
          { id: 'PIN', value: pin },
          { id: 'OTP', value: otp },
        ],
      }),
    );
  assert.equal(
    (await authorize(activationPin, 1)).json.error,
    'invalid_pin',
    'the activation PIN no longer works',
  );
  const ok = await authorize('975310', 1);
  assert.equal(ok.status, 200, JSON.stringify(ok.json));

  const cookieOnly = await app.inject({ method: 'POST', url: '/api/v1/signing/totp' });
  assert.equal(cookieOnly.statusCode, 401);
  const revokeDenied = await api(clerkToken, `/api/v1/signing/credentials/${credentialId}/revoke`, {
    reason: 'keyCompromise',
  });
  assert.equal(revokeDenied.status, 403);
  assert.equal(
    (await api(adminToken, `/api/v1/signing/credentials/${credentialId}/revoke`, { reason: 'keyCompromise' }))
      .status,
    204,
  );
  assert.equal(
    (await api(adminToken, `/api/v1/signing/credentials/${credentialId}/revoke`, { reason: 'keyCompromise' }))
      .status,
    409,
  );
});
