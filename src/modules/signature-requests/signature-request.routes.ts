// The signature requests JSON API (issue 5 §4 for other systems): `/api/v1/signature-requests` lists my
// queue (a leader's requests awaiting their signature, a clerk's awaiting the seal), reads one (state,
// signers, document hash, verification URL), submits a PDF (as /trinh-ky does) and fetches its PDF.
// Bearer tokens; the same use cases as the pages. Signing itself is not here: it stays with the CSC API
// and the signing pages, where the signer gives PIN + one-time code (keys under their sole control).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { MAX_REQUEST_PDF_BYTES } from './create-signature-request.ts';
import { getSignatureRequest, getSignatureRequestPdf } from './get-signature-request.ts';
import { listSignatureRequests } from './list-signature-requests.ts';
import { verificationUrl } from './seal-signature-requests.ts';
import type { SignatureRequest } from './signature-request.table.ts';
import { submitSignatureRequest } from './submit-signature-request.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const Id = Type.String({ format: 'uuid' });
const DateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const STATES = ['awaiting_leader', 'awaiting_seal', 'completed', 'returned', 'cancelled'];

const SignatureRequestSummary = Type.Object(
  {
    id: Id,
    unitId: Id,
    unitName: Type.String(),
    title: Type.String(),
    state: Type.Unsafe<string>({ type: 'string', enum: STATES }),
    needsSeal: Type.Boolean(),
    signerStaffId: Type.String(),
    signerName: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    documentSha256: Type.String({ description: 'SHA-256 (hex) of the PDF as signed so far' }),
  },
  { $id: 'SignatureRequestSummary' },
);

const SignatureRequestDetail = Type.Object(
  {
    ...SignatureRequestSummary.properties,
    subjectType: Type.String(),
    originalSha256: Type.String({ description: 'SHA-256 (hex) of the PDF as submitted' }),
    leaderSignedAt: DateTime,
    sealedAt: DateTime,
    sealedByStaffId: Type.Union([Type.String(), Type.Null()]),
    completedAt: DateTime,
    returnReason: Type.Union([Type.String(), Type.Null()]),
    verificationUrl: Type.Union([Type.String(), Type.Null()], {
      description: 'The public verification page (/xac-minh/<id>), once completed',
    }),
    canSign: Type.Boolean({ description: 'Sign with the CSC API or the signing page (PIN + one-time code)' }),
    canSeal: Type.Boolean(),
    events: Type.Array(
      Type.Object({
        step: Type.String(),
        staffName: Type.Union([Type.String(), Type.Null()]),
        note: Type.Union([Type.String(), Type.Null()]),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
  },
  { $id: 'SignatureRequestDetail' },
);

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function summary(request: SignatureRequest, names: { unitName: string; signerName: string }) {
  return {
    id: request.id,
    unitId: request.unit_id,
    unitName: names.unitName,
    title: request.title,
    state: request.state,
    needsSeal: request.needs_seal,
    signerStaffId: request.signer_staff_id,
    signerName: names.signerName,
    createdAt: request.created_at.toISOString(),
    documentSha256: request.current_sha256,
  };
}

export function registerSignatureRequestApiRoutes(
  app: FastifyInstance,
  options: { db: Db; blobStore: BlobStore; publicUrl: string },
): void {
  const { db, blobStore } = options;
  app.addSchema(SignatureRequestSummary);
  app.addSchema(SignatureRequestDetail);
  const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

  app.get('/api/v1/signature-requests', {
    schema: {
      tags: ['signature-requests'],
      summary: 'My queue: requests awaiting my signature (leader) or my unit’s seal (clerk)',
      security: [{ bearer: [] }],
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('SignatureRequestSummary')) }), ...errors },
    },
    handler: async (request) => {
      const actor = requireStaff(request);
      const [toSign, toSeal] = await Promise.all([
        listSignatureRequests({ db, actor, view: 'leader-queue' }),
        listSignatureRequests({ db, actor, view: 'seal-queue' }),
      ]);
      return { items: [...toSign, ...toSeal].map((r) => summary(r, r)) };
    },
  });

  app.get<{ Params: { id: string } }>('/api/v1/signature-requests/:id', {
    schema: {
      tags: ['signature-requests'],
      summary: 'One request: state, signers, document hash, verification URL (its signer, submitter, unit)',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Id }),
      response: { 200: Type.Ref('SignatureRequestDetail'), ...errors },
    },
    handler: async (request) => {
      const actor = requireStaff(request);
      const found = await getSignatureRequest({ db, actor, signatureRequestId: request.params.id });
      const r = found.request;
      return {
        ...summary(r, { unitName: found.unit.name, signerName: found.signerName }),
        subjectType: r.subject_type,
        originalSha256: r.original_sha256,
        leaderSignedAt: iso(r.leader_signed_at),
        sealedAt: iso(r.sealed_at),
        sealedByStaffId: r.sealed_by_staff_id,
        completedAt: iso(r.completed_at),
        returnReason: r.return_reason,
        verificationUrl: r.state === 'completed' ? verificationUrl(options.publicUrl, r.id) : null,
        canSign: found.canSign,
        canSeal: found.canSeal,
        events: found.events.map((e) => ({
          step: e.step,
          staffName: e.staffName,
          note: e.note,
          at: e.at.toISOString(),
        })),
      };
    },
  });

  app.post<{
    Body: {
      unitId: string;
      title: string;
      signerStaffId: string;
      needsSeal?: boolean;
      page?: number;
      pdfBase64: string;
    };
  }>('/api/v1/signature-requests', {
    bodyLimit: Math.ceil((MAX_REQUEST_PDF_BYTES * 4) / 3) + 64 * 1024,
    schema: {
      tags: ['signature-requests'],
      summary:
        'Submit a PDF for a leader’s signature (then the seal unless needsSeal is false); needs document.submit',
      security: [{ bearer: [] }],
      body: Type.Object(
        {
          unitId: Id,
          title: Type.String({ minLength: 1, maxLength: 300 }),
          signerStaffId: Id,
          needsSeal: Type.Optional(Type.Boolean({ default: true })),
          page: Type.Optional(
            Type.Integer({ minimum: 1, description: 'Page of the signature fields; default last' }),
          ),
          pdfBase64: Type.String({ minLength: 8, description: 'The PDF, base64; at most 20 MB' }),
        },
        { additionalProperties: false },
      ),
      response: {
        201: Type.Ref('SignatureRequestSummary'),
        ...errors,
        413: ErrorResponse,
        415: ErrorResponse,
      },
    },
    handler: async (request, reply) => {
      const actor = requireStaff(request);
      const body = request.body;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.pdfBase64)) {
        throw new AppError('VALIDATION_FAILED', 'The PDF is not valid base64.', {
          fields: { pdf: 'base64' },
        });
      }
      const created = await submitSignatureRequest({
        db,
        blobStore,
        actor,
        requestId: request.id,
        unitId: body.unitId,
        title: body.title,
        pdf: new Uint8Array(Buffer.from(body.pdfBase64, 'base64')),
        signerStaffId: body.signerStaffId,
        needsSeal: body.needsSeal ?? true,
        page: body.page,
      });
      const found = await getSignatureRequest({ db, actor, signatureRequestId: created.id });
      reply.code(201);
      return summary(created, { unitName: found.unit.name, signerName: found.signerName });
    },
  });

  app.get<{ Params: { id: string } }>('/api/v1/signature-requests/:id/pdf', {
    schema: {
      tags: ['signature-requests'],
      summary: 'The PDF as signed so far (the final signed PDF once completed)',
      security: [{ bearer: [] }],
      params: Type.Object({ id: Id }),
      produces: ['application/pdf'],
      response: { 200: Type.String({ format: 'binary' }), ...errors },
    },
    handler: async (request, reply) => {
      const signatureRequestId = request.params.id;
      const found = await getSignatureRequestPdf({
        db,
        blobStore,
        actor: requireStaff(request),
        signatureRequestId,
        requestId: request.id,
      });
      reply.header('content-disposition', `attachment; filename="${found.filename}"`);
      return reply.type('application/pdf').send(Buffer.from(found.pdf));
    },
  });
}
