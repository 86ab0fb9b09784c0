// The dossier API (issue 6 §3 and §5): receive a dossier (bearer token, `dossier.receive` on the unit)
// and the public lookup by code and the last 4 digits of the applicant's phone.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RateLimiter } from '../../platform/http/rate-limiter.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { acceptOnlineDossier } from './accept-online-dossier.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './check-upload.ts';
import {
  AcceptedDossierResponse,
  PublicDossier,
  ReceiveDossierBody,
  ReceivedDossierResponse,
  RefuseDossierBody,
  RefusedDossierResponse,
} from './dossier.schemas.ts';
import { lookupDossier } from './lookup-dossier.ts';
import { receiveDossier } from './receive-dossier.ts';
import { refuseOnlineDossier } from './refuse-online-dossier.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface DossierApiOptions {
  readonly db: Db;
  readonly blobStore: BlobStore;
  readonly lookupLimiter: RateLimiter;
  readonly limits?: UploadLimits;
  /** The business clock (received and accepted times); default the system time. */
  readonly clock?: Clock | undefined;
}

/** Throws RATE_LIMITED (429) when this client address asked too often. */
export function assertLookupAllowed(limiter: RateLimiter, address: string): void {
  const wait = limiter.hit(address);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', 'Too many lookups from this address.', { retryAfterSeconds: wait });
  }
}

export function registerDossierApiRoutes(app: FastifyInstance, options: DossierApiOptions): void {
  const limits = options.limits ?? DEFAULT_UPLOAD_LIMITS;
  const clock = options.clock ?? systemClock;
  app.addSchema(ReceiveDossierBody);
  app.addSchema(ReceivedDossierResponse);
  app.addSchema(PublicDossier);
  app.addSchema(AcceptedDossierResponse);
  app.addSchema(RefuseDossierBody);
  app.addSchema(RefusedDossierResponse);

  app.post<{ Body: Static<typeof ReceiveDossierBody> }>(
    '/api/v1/dossiers',
    {
      // Files travel base64 (4/3 of their size) inside the JSON; the per-dossier limit is checked again after decoding.
      bodyLimit: Math.ceil((limits.maxDossierBytes * 4) / 3) + 256 * 1024,
      schema: {
        tags: ['dossiers'],
        summary:
          'Receive a dossier (bearer token with dossier.receive on the unit); files as base64 PDF/JPEG/PNG',
        security: [{ bearer: [] }],
        body: Type.Ref('ReceiveDossierRequest'),
        response: {
          201: Type.Ref('ReceivedDossier'),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const documents = body.documents.map((document) => ({
        index: document.index,
        files: document.files.map((file) => {
          if (!BASE64.test(file.contentBase64)) {
            throw new AppError('VALIDATION_FAILED', 'A file is not valid base64.', {
              fields: { documents: 'base64' },
            });
          }
          return new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
        }),
      }));
      const received = await receiveDossier({
        db: options.db,
        blobStore: options.blobStore,
        actor: requireStaff(request),
        requestId: request.id,
        unitId: body.unitId,
        procedureCode: body.procedureCode,
        channel: 'api',
        applicant: {
          ...body.applicant,
          proxyName: body.applicant.proxy?.fullName,
          proxyAuthorisation: body.applicant.proxy?.authorisation,
        },
        documents,
        feeVnd: body.feeVnd,
        refusalReasons: body.refusalReasons,
        limits,
        now: clock.now(),
      });
      return reply.status(201).send({
        ...received,
        receivedAt: received.receivedAt.toISOString(),
        dueAt: received.dueAt?.toISOString() ?? null,
      });
    },
  );

  // Online dossiers awaiting acceptance (issue 6 §3 "Online"): a receptionist accepts or refuses them.
  const CodeParams = Type.Object({ code: Type.String({ maxLength: 64 }) });
  app.post<{ Params: { code: string } }>(
    '/api/v1/dossiers/:code/accept',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Accept an online dossier (status 1 → 2); the due date counts from now with the online rule',
        security: [{ bearer: [] }],
        params: CodeParams,
        response: {
          200: Type.Ref('AcceptedDossier'),
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => {
      const accepted = await acceptOnlineDossier({
        db: options.db,
        actor: requireStaff(request),
        requestId: request.id,
        code: request.params.code,
        now: clock.now(),
      });
      return {
        code: accepted.code,
        status: 2,
        receivedAt: accepted.receivedAt.toISOString(),
        dueAt: accepted.dueAt.toISOString(),
        derivation: accepted.derivation,
      };
    },
  );

  app.post<{ Params: { code: string }; Body: Static<typeof RefuseDossierBody> }>(
    '/api/v1/dossiers/:code/refuse-reception',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Refuse to receive an online dossier (status 1 → 3, BM.03) with the reasons',
        security: [{ bearer: [] }],
        params: CodeParams,
        body: Type.Ref('RefuseDossierRequest'),
        response: {
          200: Type.Ref('RefusedDossier'),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => {
      const refused = await refuseOnlineDossier({
        db: options.db,
        actor: requireStaff(request),
        requestId: request.id,
        code: request.params.code,
        reasons: request.body.reasons,
        now: clock.now(),
      });
      return { code: refused.code, status: 3, refusedAt: refused.refusedAt.toISOString() };
    },
  );

  app.get<{ Params: { code: string }; Querystring: { phone?: string } }>(
    '/api/v1/lookup/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Public lookup of a dossier by code and the last 4 digits of the applicant phone (or as the signed-in applicant); rate limited',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object(
          { phone: Type.Optional(Type.String({ maxLength: 8, description: 'Last 4 digits of the phone' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('PublicDossier'), 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      assertLookupAllowed(options.lookupLimiter, request.ip);
      reply.header('cache-control', 'no-store');
      return lookupDossier({
        db: options.db,
        code: request.params.code,
        phoneLast4: request.query.phone,
        citizen: request.citizen,
      });
    },
  );
}
