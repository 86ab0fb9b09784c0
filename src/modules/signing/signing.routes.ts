// JSON API of the signing module (issue 5 §1–2) under /api/v1/signing: the holder changes a PIN and
// enrols TOTP; the unit administrator issues, revokes, renews and unlocks credentials. Bearer tokens
// only (these change keys and factors: never on a cookie without a CSRF token).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffActor } from '../identity/actor.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { changePin } from './change-pin.ts';
import { issueCredential } from './issue-credential.ts';
import {
  REVOCATION_REASONS,
  renewCredential,
  revokeCredential,
  unlockCredential,
} from './manage-credential.ts';
import { confirmTotp, enrolTotp } from './totp.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const Pin = Type.String({ pattern: '^[0-9]{6,12}$' });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Issued = Type.Object({
  credentialId: Type.String(),
  certificate: Type.String({ description: 'DER, base64' }),
  activationPin: Type.Optional(
    Type.String({ description: 'Shown once: hand it to the holder, who changes it' }),
  ),
});

function bearerStaff(request: FastifyRequest): StaffActor {
  if (!request.isBearer) {
    throw new AppError('UNAUTHENTICATED', 'A bearer token is required.');
  }
  return requireStaff(request);
}

export function registerSigningRoutes(app: FastifyInstance, options: { db: Db; config: Config }): void {
  const { db } = options;
  const keyEncryptionKey = options.config.secrets.keyEncryption;
  const tags = ['signing'];
  const security = [{ bearer: [] }];
  const presentIssued = (issued: Awaited<ReturnType<typeof issueCredential>>) => ({
    credentialId: issued.credentialId,
    certificate: Buffer.from(issued.certificate).toString('base64'),
    ...(issued.activationPin ? { activationPin: issued.activationPin } : {}),
  });

  app.post<{
    Body: {
      kind: 'personal' | 'seal';
      unitId: string;
      holderStaffId: string;
      keyAlgorithm?: 'rsa-2048' | 'ec-p256';
    };
  }>(
    '/api/v1/signing/credentials',
    {
      schema: {
        tags,
        security,
        summary: 'Issue a certificate and server-held key to an official or a unit (unit administrator)',
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('personal'), Type.Literal('seal')]),
            unitId: Type.String({ format: 'uuid' }),
            holderStaffId: Type.String({ format: 'uuid' }),
            keyAlgorithm: Type.Optional(Type.Union([Type.Literal('rsa-2048'), Type.Literal('ec-p256')])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Issued, ...errors },
      },
    },
    async (request, reply) => {
      const issued = await issueCredential({
        db,
        keyEncryptionKey,
        actor: bearerStaff(request),
        requestId: request.id,
        ...request.body,
        publicUrl: options.config.publicUrl,
      });
      return reply.status(201).send(presentIssued(issued));
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: (typeof REVOCATION_REASONS)[number] } }>(
    '/api/v1/signing/credentials/:id/revoke',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke a credential (unit administrator); CRL and OCSP report it',
        params: Id,
        body: Type.Object({ reason: Type.Union(REVOCATION_REASONS.map((r) => Type.Literal(r))) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeCredential({
        db,
        actor: bearerStaff(request),
        requestId: request.id,
        credentialId: request.params.id,
        reason: request.body.reason,
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/signing/credentials/:id/unlock',
    {
      schema: {
        tags,
        security,
        summary: 'Unlock a credential locked by five wrong PINs (unit administrator)',
        params: Id,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await unlockCredential({
        db,
        actor: bearerStaff(request),
        requestId: request.id,
        credentialId: request.params.id,
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/signing/credentials/:id/renew',
    {
      schema: {
        tags,
        security,
        summary: 'Renew a credential: new key and certificate, the old one superseded (unit administrator)',
        params: Id,
        response: { 201: Issued, ...errors },
      },
    },
    async (request, reply) => {
      const renewed = await renewCredential({
        db,
        keyEncryptionKey,
        actor: bearerStaff(request),
        requestId: request.id,
        credentialId: request.params.id,
        publicUrl: options.config.publicUrl,
      });
      return reply.status(201).send(presentIssued(renewed));
    },
  );

  app.post<{ Params: { id: string }; Body: { currentPin: string; newPin: string } }>(
    '/api/v1/signing/credentials/:id/pin',
    {
      schema: {
        tags,
        security,
        summary: 'The holder changes the credential PIN (the current or activation PIN is required)',
        params: Id,
        body: Type.Object(
          { currentPin: Type.String({ maxLength: 64 }), newPin: Pin },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors, 423: ErrorResponse },
      },
    },
    async (request, reply) => {
      await changePin({
        db,
        keyEncryptionKey,
        actor: bearerStaff(request),
        requestId: request.id,
        credentialId: request.params.id,
        ...request.body,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/signing/totp',
    {
      schema: {
        tags,
        security,
        summary: 'Start TOTP enrolment: a secret and otpauth URI for the authenticator app',
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }), ...errors },
      },
    },
    async (request) => {
      const actor = bearerStaff(request);
      return enrolTotp({
        db,
        keyEncryptionKey,
        staffId: actor.staffId,
        username: actor.username,
        requestId: request.id,
      });
    },
  );

  app.post<{ Body: { code: string } }>(
    '/api/v1/signing/totp/confirm',
    {
      schema: {
        tags,
        security,
        summary: 'Confirm TOTP enrolment with the first code the app shows',
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await confirmTotp({
        db,
        keyEncryptionKey,
        actor: bearerStaff(request),
        requestId: request.id,
        code: request.body.code,
      });
      return reply.status(204).send();
    },
  );
}
