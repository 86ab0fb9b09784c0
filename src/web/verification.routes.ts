// Public verification (issue 5 §5), no account: upload a PDF (/xac-minh) or open the page a seal's QR code
// names (/xac-minh/<id>) and compare one's own copy with it. Uploads are multipart in their own scope, at
// most 20 MB, and limited per client address (verification costs CPU). Bad uploads get a 4xx page.
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { MAX_REQUEST_PDF_BYTES } from '../modules/signature-requests/create-signature-request.ts';
import {
  getPublicVerification,
  verifyUploadedPdf,
} from '../modules/signature-requests/verify-signed-document.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { createRateLimiter } from '../platform/http/rate-limiter.ts';
import type { PageKit } from './page-kit.ts';
import { publicVerificationPage, verifyFormPage, verifyResultPage } from './pages/verification-pages.ts';

const FORM_PROBLEMS = new Set(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']);

export function registerVerificationPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; blobStore: BlobStore },
): void {
  const { db, kit, blobStore } = options;
  const limiter = createRateLimiter({ limit: 30, windowSeconds: 60 });

  app.get('/xac-minh', { schema: { hide: true } }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, { title: ctx.t('verify.title'), body: verifyFormPage(ctx) });
  });

  app.get<{ Params: { id: string } }>('/xac-minh/:id', { schema: { hide: true } }, async (request, reply) => {
    const found = await getPublicVerification({ db, blobStore, signatureRequestId: request.params.id });
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, { title: ctx.t('verify.title'), body: publicVerificationPage(ctx, found) });
  });

  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      const wait = limiter.hit(request.ip);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', 'Too many verifications from this address.', {
          retryAfterSeconds: wait,
        });
      }
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_REQUEST_PDF_BYTES, files: 1, fields: 5, fieldSize: 4096 },
    });
    const fileOf = (body: unknown) => {
      const file = (body as Record<string, unknown> | undefined)?.file;
      return Buffer.isBuffer(file) && file.length > 0 ? new Uint8Array(file) : undefined;
    };

    scope.post('/xac-minh', { schema: { hide: true } }, async (request, reply) => {
      const ctx = kit.context(request, reply);
      try {
        const result = await verifyUploadedPdf({ db, pdf: fileOf(request.body) });
        return kit.send(reply, ctx, {
          title: ctx.t('verify.resultTitle'),
          body: verifyResultPage(ctx, result),
        });
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.has(error.code)) {
          throw error;
        }
        return kit.send(reply, ctx, {
          title: ctx.t('verify.title'),
          status: error.status,
          body: verifyFormPage(ctx, { errors: error.fields ?? {} }),
        });
      }
    });

    scope.post<{ Params: { id: string } }>(
      '/xac-minh/:id',
      { schema: { hide: true } },
      async (request, reply) => {
        const found = await getPublicVerification({ db, blobStore, signatureRequestId: request.params.id });
        const ctx = kit.context(request, reply);
        const file = fileOf(request.body);
        const comparison = file
          ? createHash('sha256').update(file).digest('hex') === found.sha256
            ? 'same'
            : 'different'
          : undefined;
        return kit.send(reply, ctx, {
          title: ctx.t('verify.title'),
          ...(file ? {} : { status: 400 }),
          body: publicVerificationPage(ctx, {
            ...found,
            comparison,
            ...(file ? {} : { errors: { file: 'required' } }),
          }),
        });
      },
    );
  });
}
