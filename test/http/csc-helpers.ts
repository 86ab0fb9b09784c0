// Shared set-up of the CSC tests: a signer (unit, leader, credential with PIN, confirmed TOTP) and a
// bearer token from auth/login, all created fresh so tests share nothing.
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { Db } from '../../src/database.ts';
import { type CredentialKeyAlgorithm, issueCredential } from '../../src/modules/signing/issue-credential.ts';
import { enrolTotp } from '../../src/modules/signing/totp.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';

export const PIN = '135790';
export const SHA256 = '2.16.840.1.101.3.4.2.1';
export const RSA_SHA256 = '1.2.840.113549.1.1.11';
export const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

export interface TestSigner {
  readonly staffId: string;
  readonly unitId: string;
  readonly username: string;
  readonly password: string;
  readonly credentialId: string;
  readonly totpSecret: string;
  readonly token: string;
  /** A TOTP code `offset` steps from now (each authorisation spends a step: use 0, then 1). */
  otp(offset?: number): Promise<string>;
}

export async function cscLogin(app: FastifyInstance, username: string, password: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/csc/v2/auth/login',
    headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed: ${response.body}`);
  }
  return response.json().access_token as string;
}

export async function makeSigner(
  app: FastifyInstance,
  db: Db,
  kek: Uint8Array,
  options: { keyAlgorithm?: CredentialKeyAlgorithm; kind?: 'personal' | 'seal' } = {},
): Promise<TestSigner> {
  const province = await makeUnit(db);
  const unit = await makeUnit(db, { parent: province, kind: 'commune' });
  const staff = await makeStaff(db, { unit, role: options.kind === 'seal' ? 'clerk' : 'leader' });
  const issued = await issueCredential({
    db,
    keyEncryptionKey: kek,
    actor: null,
    requestId: null,
    kind: options.kind ?? 'personal',
    unitId: unit.id,
    holderStaffId: staff.id,
    pin: PIN,
    keyAlgorithm: options.keyAlgorithm ?? 'ec-p256',
  });
  const { secret } = await enrolTotp({
    db,
    keyEncryptionKey: kek,
    staffId: staff.id,
    username: staff.username,
    requestId: null,
    confirmed: true,
  });
  const token = await cscLogin(app, staff.username, staff.password);
  return {
    staffId: staff.id,
    unitId: unit.id,
    username: staff.username,
    password: staff.password,
    credentialId: issued.credentialId,
    totpSecret: secret,
    token,
    otp: (offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 }),
  };
}

export async function csc(
  app: FastifyInstance,
  token: string,
  method: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await app.inject({
    method: 'POST',
    url: `/csc/v2/${method}`,
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  });
  return { status: response.statusCode, json: response.json() };
}
