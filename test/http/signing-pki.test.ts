// The PKI endpoints with OpenSSL as the outside client (issue 5 §1): OCSP answers good, then revoked
// after the unit administrator revokes, and `openssl ocsp` accepts the signed response; the CRL parses
// with `openssl crl` and lists the revoked serial; the TSA reply verifies with `openssl ts -verify`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { renewCredential, revokeCredential } from '../../src/modules/signing/manage-credential.ts';
import { makeStaff } from '../helpers/factories.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { requireTool } from '../helpers/tools.ts';
import { makeSigner } from './csc-helpers.ts';

const config = testConfig();
const kek = config.secrets.keyEncryption;
const { app, db } = await createTestApp({ config });

const pem = (b64: string) =>
  `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
const actorOf = async (id: string) => loadActor(db, (await findStaffById(db, id)) ?? assert.fail('staff'));
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' }).toString();

async function certificatesOf(signerCredential: string) {
  const row = await db
    .selectFrom('signing_credentials')
    .select(['certificate', 'chain', 'serial', 'unit_id'])
    .where('id', '=', signerCredential)
    .executeTakeFirstOrThrow();
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pki-'));
  writeFileSync(join(dir, 'leaf.pem'), pem(row.certificate));
  writeFileSync(join(dir, 'issuer.pem'), pem(row.chain[0] ?? ''));
  writeFileSync(join(dir, 'root.pem'), pem(row.chain[1] ?? ''));
  return { dir, serial: row.serial, unitId: row.unit_id };
}

async function ocsp(dir: string, name: string): Promise<string> {
  openssl([
    'ocsp',
    '-issuer',
    join(dir, 'issuer.pem'),
    '-cert',
    join(dir, 'leaf.pem'),
    '-reqout',
    join(dir, `${name}.req`),
  ]);
  const response = await app.inject({
    method: 'POST',
    url: '/pki/ocsp',
    headers: { 'content-type': 'application/ocsp-request' },
    payload: readFileSync(join(dir, `${name}.req`)),
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'application/ocsp-response');
  writeFileSync(join(dir, `${name}.resp`), response.rawPayload);
  // The nonce of the request is echoed (RFC 8954)...
  const nonce = (text: string) => /OCSP Nonce: \s*\n\s*([0-9A-F]+)/.exec(text)?.[1];
  const sent = nonce(openssl(['ocsp', '-reqin', join(dir, `${name}.req`), '-req_text']));
  const echoed = nonce(openssl(['ocsp', '-respin', join(dir, `${name}.resp`), '-resp_text', '-noverify']));
  assert.ok(sent && sent === echoed, `nonce ${sent} echoed as ${echoed}`);
  // ...and openssl checks the responder's signature and its chain to the root (-CAfile). With -cert it
  // builds a fresh request to match the answer against, hence -no_nonce here.
  return openssl([
    'ocsp',
    '-respin',
    join(dir, `${name}.resp`),
    '-no_nonce',
    '-issuer',
    join(dir, 'issuer.pem'),
    '-cert',
    join(dir, 'leaf.pem'),
    '-CAfile',
    join(dir, 'root.pem'),
    '-verify_other',
    join(dir, 'issuer.pem'),
  ]);
}

test('OCSP answers good, then revoked once the unit administrator revokes; the CRL lists it', async (t) => {
  if (!requireTool(t, 'openssl', 'openssl')) {
    return;
  }
  const signer = await makeSigner(app, db, kek);
  const { dir, serial, unitId } = await certificatesOf(signer.credentialId);
  assert.match(await ocsp(dir, 'before'), /leaf\.pem: good/);

  const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow();
  const clerk = await makeStaff(db, { unit, role: 'clerk' });
  await assert.rejects(
    revokeCredential({
      db,
      actor: await actorOf(clerk.id),
      requestId: null,
      credentialId: signer.credentialId,
      reason: 'keyCompromise',
    }),
    { code: 'FORBIDDEN' },
  );
  const admin = await makeStaff(db, { unit, role: 'unit_admin' });
  await revokeCredential({
    db,
    actor: await actorOf(admin.id),
    requestId: null,
    credentialId: signer.credentialId,
    reason: 'keyCompromise',
  });
  const after = await ocsp(dir, 'after');
  assert.match(after, /leaf\.pem: revoked/);
  assert.match(after, /Reason: keyCompromise/);

  const crl = await app.inject({ method: 'GET', url: '/pki/crl/demo-issuing.crl' });
  assert.equal(crl.statusCode, 200);
  assert.equal(crl.headers['content-type'], 'application/pkix-crl');
  writeFileSync(join(dir, 'ca.crl'), crl.rawPayload);
  const text = openssl(['crl', '-inform', 'DER', '-in', join(dir, 'ca.crl'), '-noout', '-text']);
  assert.match(text, /Demo Government Specialized CA - NOT FOR PRODUCTION/);
  assert.ok(text.toUpperCase().includes(serial.toUpperCase().replace(/^0+/, '')), text);
  // The CRL's signature verifies against the issuing CA.
  assert.match(
    openssl([
      'crl',
      '-inform',
      'DER',
      '-in',
      join(dir, 'ca.crl'),
      '-noout',
      '-CAfile',
      join(dir, 'issuer.pem'),
    ]),
    /verify OK|^$/,
  );

  // A revoked credential no longer signs.
  const list = await app.inject({
    method: 'POST',
    url: '/csc/v2/credentials/list',
    headers: { authorization: `Bearer ${signer.token}` },
    payload: {},
  });
  assert.deepEqual(list.json().credentialIDs, []);
  assert.equal((await app.inject({ method: 'GET', url: '/pki/crl/nope.crl' })).statusCode, 404);
});

test('renewal gives a new key and certificate; the old one is superseded and shows revoked', async (t) => {
  if (!requireTool(t, 'openssl', 'openssl')) {
    return;
  }
  const signer = await makeSigner(app, db, kek);
  const { dir, unitId } = await certificatesOf(signer.credentialId);
  const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow();
  const admin = await makeStaff(db, { unit, role: 'unit_admin' });
  const renewed = await renewCredential({
    db,
    keyEncryptionKey: kek,
    actor: await actorOf(admin.id),
    requestId: null,
    credentialId: signer.credentialId,
  });
  assert.match(renewed.activationPin ?? '', /^[0-9]{8}$/);
  assert.notEqual(renewed.credentialId, signer.credentialId);
  assert.match(await ocsp(dir, 'old'), /leaf\.pem: revoked/);
  const list = await app.inject({
    method: 'POST',
    url: '/csc/v2/credentials/list',
    headers: { authorization: `Bearer ${signer.token}` },
    payload: {},
  });
  assert.deepEqual(list.json().credentialIDs, [renewed.credentialId]);
});

test('the RFC 3161 TSA answers a timestamp query that openssl ts -verify accepts', async (t) => {
  if (!requireTool(t, 'openssl', 'openssl')) {
    return;
  }
  await makeSigner(app, db, kek);
  const dir = mkdtempSync(join(tmpdir(), 'xaso-tsa-'));
  writeFileSync(join(dir, 'data.bin'), 'Quyết định số 15/QĐ-UBND');
  openssl(['ts', '-query', '-data', join(dir, 'data.bin'), '-sha256', '-cert', '-out', join(dir, 'q.tsq')]);
  const reply = await app.inject({
    method: 'POST',
    url: '/pki/tsa',
    headers: { 'content-type': 'application/timestamp-query' },
    payload: readFileSync(join(dir, 'q.tsq')),
  });
  assert.equal(reply.statusCode, 200, reply.body);
  assert.equal(reply.headers['content-type'], 'application/timestamp-reply');
  writeFileSync(join(dir, 'r.tsr'), reply.rawPayload);
  const authorities = await db.selectFrom('signing_authorities').selectAll().execute();
  const cert = (id: string) => pem(authorities.find((a) => a.id === id)?.certificate ?? '');
  writeFileSync(join(dir, 'root.pem'), cert('demo-root'));
  writeFileSync(join(dir, 'chain.pem'), cert('demo-issuing') + cert('demo-tsa'));
  const out = openssl([
    'ts',
    '-verify',
    '-data',
    join(dir, 'data.bin'),
    '-in',
    join(dir, 'r.tsr'),
    '-CAfile',
    join(dir, 'root.pem'),
    '-untrusted',
    join(dir, 'chain.pem'),
  ]);
  assert.match(out, /Verification: OK/);
  writeFileSync(join(dir, 'other.bin'), 'changed');
  assert.throws(() =>
    openssl([
      'ts',
      '-verify',
      '-data',
      join(dir, 'other.bin'),
      '-in',
      join(dir, 'r.tsr'),
      '-CAfile',
      join(dir, 'root.pem'),
      '-untrusted',
      join(dir, 'chain.pem'),
    ]),
  );
  const wrongType = await app.inject({
    method: 'POST',
    url: '/pki/tsa',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from('x'),
  });
  assert.equal(wrongType.statusCode, 415);
});
