// Signing pages (issue 5 §4): thin routes over the signature-requests use cases. The new-request form is
// multipart (its own scope; only staff who may submit make the server buffer an upload); the signing and
// sealing forms are plain urlencoded posts that end in a 303 redirect, so a reload never re-posts, and a
// re-post after a dropped connection is recognised by the form's idempotency key.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { canAnywhere, scopesFor } from '../modules/identity/permissions.ts';
import {
  cancelSignatureRequest,
  returnSignatureRequest,
} from '../modules/signature-requests/close-signature-request.ts';
import { MAX_REQUEST_PDF_BYTES } from '../modules/signature-requests/create-signature-request.ts';
import {
  getSignatureRequest,
  getSignatureRequestPdf,
} from '../modules/signature-requests/get-signature-request.ts';
import { listSignatureRequests } from '../modules/signature-requests/list-signature-requests.ts';
import { sealSignatureRequests } from '../modules/signature-requests/seal-signature-requests.ts';
import { signSignatureRequests } from '../modules/signature-requests/sign-signature-requests.ts';
import { submitSignatureRequest } from '../modules/signature-requests/submit-signature-request.ts';
import { listUnitSigners } from '../modules/signing/find-signing-credential.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import type { PageKit } from './page-kit.ts';
import {
  type NewRequestValues,
  newRequestPage,
  queuePage,
  requestDetailPage,
  requestListPage,
  signingProblem,
} from './pages/signature-request-pages.ts';
import { registerAuthenticatorPages, registerReceiptSigningPages } from './receipt-signing.routes.ts';
import { type Body, FORM_PROBLEMS, text } from './signing-forms.ts';

const list = (value: unknown) =>
  (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
const DETAIL_PATH = /^\/trinh-ky\/[0-9a-f-]{36}$/;

export interface SignatureRequestPagesOptions {
  readonly db: Db;
  readonly kit: PageKit;
  readonly blobStore: BlobStore;
  readonly keyEncryptionKey: Uint8Array;
  readonly publicUrl: string;
}

export function registerSignatureRequestPages(
  app: FastifyInstance,
  options: SignatureRequestPagesOptions,
): void {
  const { db, kit, blobStore } = options;

  app.get('/trinh-ky', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const rows = await listSignatureRequests({ db, actor, view: 'all' });
    return kit.send(reply, ctx, {
      title: ctx.t('sigreq.listTitle'),
      body: requestListPage(ctx, { rows, canSubmit: canAnywhere(actor, 'document.submit') }),
    });
  });

  async function renderNewForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: NewRequestValues,
    error?: AppError,
  ) {
    const actor = requireStaff(request);
    const units = scopesFor(actor, 'document.submit').map((r) => ({ id: r.unitId, name: r.unitName }));
    const unit = units.find((u) => u.id === values.unit) ?? units[0];
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('sigreq.newTitle'),
      ...(error ? { status: error.status } : {}),
      body: newRequestPage(ctx, {
        units,
        signers: unit ? await listUnitSigners(db, unit.id) : [],
        values: { ...values, unit: unit?.id },
        ...signingProblem(ctx, error),
      }),
    });
  }

  app.get<{ Querystring: Record<string, unknown> }>(
    '/trinh-ky/moi',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!canAnywhere(requireStaff(request), 'document.submit')) {
        throw forbidden();
      }
      return renderNewForm(request, reply, { unit: text(request.query.unit, 64) });
    },
  );

  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      if (!canAnywhere(requireStaff(request), 'document.submit')) {
        throw forbidden();
      }
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_REQUEST_PDF_BYTES, files: 1, fields: 20, fieldSize: 16 * 1024 },
    });
    scope.post('/trinh-ky/moi', { schema: { hide: true } }, async (request, reply) => {
      const actor = requireStaff(request);
      const body = (request.body ?? {}) as Body;
      const pageText = text(body.page, 6)?.trim() ?? '';
      const values: NewRequestValues = {
        unit: text(body.unit, 64),
        title: text(body.title, 400),
        signer: text(body.signer, 64),
        needsSeal: body.needsSeal === 'yes',
        page: pageText,
      };
      try {
        const created = await submitSignatureRequest({
          db,
          blobStore,
          actor,
          requestId: request.id,
          unitId: values.unit ?? '',
          title: values.title ?? '',
          pdf: Buffer.isBuffer(body.pdf) && body.pdf.length > 0 ? new Uint8Array(body.pdf) : undefined,
          signerStaffId: values.signer ?? '',
          needsSeal: values.needsSeal ?? true,
          page: /^\d{1,5}$/.test(pageText) ? Number(pageText) : pageText === '' ? undefined : -1,
        });
        return reply.redirect(`/trinh-ky/${created.id}?moi=1`, 303);
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.has(error.code)) {
          throw error;
        }
        return renderNewForm(request, reply, values, error);
      }
    });
  });

  async function renderDetail(request: FastifyRequest, reply: FastifyReply, id: string, error?: AppError) {
    const actor = requireStaff(request);
    const detail = await getSignatureRequest({ db, actor, signatureRequestId: id });
    const ctx = kit.context(request, reply);
    const query = request.query as Record<string, unknown>;
    const flash = query.moi
      ? ctx.t('sigreq.created')
      : query['da-ky']
        ? ctx.t(detail.request.state === 'completed' ? 'sigreq.sealedFlash' : 'sigreq.signedFlash', {
            count: 1,
          })
        : query['tra-lai']
          ? ctx.t('sigreq.returned')
          : undefined;
    const pdf = await blobStore.get(detail.request.current_sha256);
    return kit.send(reply, ctx, {
      title: detail.request.title,
      flash,
      ...(error ? { status: error.status } : {}),
      body: requestDetailPage(ctx, {
        detail,
        pdfSize: pdf?.length ?? 0,
        ...signingProblem(ctx, error),
      }),
    });
  }

  app.get<{ Params: { id: string } }>('/trinh-ky/:id', { schema: { hide: true } }, async (request, reply) =>
    renderDetail(request, reply, request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/trinh-ky/:id/van-ban.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const { pdf, filename } = await getSignatureRequestPdf({
        db,
        blobStore,
        actor,
        signatureRequestId: request.params.id,
        requestId: request.id,
      });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${filename}"`)
        .type('application/pdf')
        .send(Buffer.from(pdf));
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    '/trinh-ky/:id/tra-lai',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      try {
        await returnSignatureRequest({
          db,
          actor,
          requestId: request.id,
          signatureRequestId: request.params.id,
          reason: text(request.body?.reason, 1200) ?? '',
        });
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.has(error.code)) {
          throw error;
        }
        return renderDetail(request, reply, request.params.id, error);
      }
      return reply.redirect(`/trinh-ky/${request.params.id}?tra-lai=1`, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/trinh-ky/:id/huy',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      await cancelSignatureRequest({
        db,
        actor,
        requestId: request.id,
        signatureRequestId: request.params.id,
      });
      return reply.redirect(`/trinh-ky/${request.params.id}`, 303);
    },
  );

  registerReceiptSigningPages(app, options);
  registerAuthenticatorPages(app, options);

  for (const kind of ['leader', 'seal'] as const) {
    const path = kind === 'leader' ? '/ky-duyet' : '/dong-dau';
    const permission = kind === 'leader' ? 'document.sign' : 'document.seal';
    const renderQueue = async (request: FastifyRequest, reply: FastifyReply, error?: AppError) => {
      const actor = requireStaff(request);
      if (!canAnywhere(actor, permission)) {
        throw forbidden();
      }
      const ctx = kit.context(request, reply);
      const query = request.query as Record<string, unknown>;
      const count = Number(text(query['da-ky'], 3) ?? 0);
      const flash = query['lap-lai']
        ? ctx.t('sigreq.repeatFlash')
        : count > 0
          ? ctx.t(kind === 'leader' ? 'sigreq.signedFlash' : 'sigreq.sealedFlash', { count })
          : undefined;
      const rows = await listSignatureRequests({
        db,
        actor,
        view: kind === 'leader' ? 'leader-queue' : 'seal-queue',
      });
      return kit.send(reply, ctx, {
        title: ctx.t(kind === 'leader' ? 'sigreq.queueTitle' : 'sigreq.sealQueueTitle'),
        flash,
        ...(error ? { status: error.status } : {}),
        body: queuePage(ctx, { kind, rows, ...signingProblem(ctx, error) }),
      });
    };
    app.get(path, { schema: { hide: true } }, async (request, reply) => renderQueue(request, reply));
    app.post<{ Body: Body }>(path, { schema: { hide: true } }, async (request, reply) => {
      const actor = requireStaff(request);
      const body = request.body ?? {};
      const back = text(body.back, 100);
      const common = {
        db,
        blobStore,
        keyEncryptionKey: options.keyEncryptionKey,
        actor,
        requestId: request.id,
        requestIds: list(body.ids),
        pin: text(body.pin, 64) ?? '',
        otp: (text(body.otp, 20) ?? '').replace(/\s/g, ''),
        idempotencyKey: text(body.idempotencyKey, 100) ?? '',
      };
      try {
        const result =
          kind === 'leader'
            ? await signSignatureRequests(common)
            : await sealSignatureRequests({ ...common, publicUrl: options.publicUrl });
        const query = result.isRepeat ? 'lap-lai=1' : `da-ky=${result.requests.length}`;
        const target = back && DETAIL_PATH.test(back) ? back : path;
        return reply.redirect(`${target}?${query}`, 303);
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.has(error.code)) {
          throw error;
        }
        if (back && DETAIL_PATH.test(back)) {
          return renderDetail(request, reply, back.slice('/trinh-ky/'.length), error);
        }
        return renderQueue(request, reply, error);
      }
    });
  }
}

function forbidden(): AppError {
  return new AppError('FORBIDDEN', 'Your roles do not allow this page.');
}
