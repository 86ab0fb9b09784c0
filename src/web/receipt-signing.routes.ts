// The receiving officer signs a dossier's BM.01 receipt (issue 6 §4) and a signer sets up their
// authenticator app (issue 5 §2, /ky-so/otp): the signing pages next to the signature requests.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { getSignedReceiptPdf } from '../modules/signature-requests/get-signed-receipt-pdf.ts';
import { findSignedReceipt, signDossierReceipt } from '../modules/signature-requests/sign-dossier-receipt.ts';
import { getTotpStatus } from '../modules/signing/get-totp-status.ts';
import { confirmTotp, enrolTotp } from '../modules/signing/totp.ts';
import { type AppError, isAppError } from '../platform/errors.ts';
import { receiptSigningPage, signingProblem } from './pages/signature-request-pages.ts';
import { totpPage } from './pages/totp-pages.ts';
import type { SignatureRequestPagesOptions } from './signature-requests.routes.ts';
import { type Body, FORM_PROBLEMS, text } from './signing-forms.ts';

export function registerReceiptSigningPages(
  app: FastifyInstance,
  options: SignatureRequestPagesOptions,
): void {
  const { db, kit, blobStore } = options;
  // The receiving officer signs a dossier's BM.01 receipt (issue 6 §4), with their own credential.
  type CodeRequest = { Params: { code: string }; Querystring: Record<string, unknown> };
  const renderReceipt = async (
    request: FastifyRequest<CodeRequest>,
    reply: FastifyReply,
    error?: AppError,
  ) => {
    const actor = requireStaff(request);
    const signed = await findSignedReceipt({ db, actor, code: request.params.code });
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('sigreq.receiptTitle', { code: request.params.code }),
      flash: request.query['da-ky'] ? ctx.t('sigreq.receiptSigned') : undefined,
      ...(error ? { status: error.status } : {}),
      body: receiptSigningPage(ctx, {
        code: request.params.code,
        isSigned: signed !== undefined,
        ...signingProblem(ctx, error),
      }),
    });
  };
  app.get<CodeRequest>('/ho-so/:code/bien-nhan/ky-so', { schema: { hide: true } }, renderReceipt);
  app.post<CodeRequest & { Body: Body }>(
    '/ho-so/:code/bien-nhan/ky-so',
    { schema: { hide: true } },
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        await signDossierReceipt({
          db,
          blobStore,
          keyEncryptionKey: options.keyEncryptionKey,
          actor: requireStaff(request),
          requestId: request.id,
          code: request.params.code,
          publicUrl: options.publicUrl,
          pin: text(body.pin, 64) ?? '',
          otp: (text(body.otp, 20) ?? '').replace(/\s/g, ''),
          idempotencyKey: text(body.idempotencyKey, 100) ?? '',
        });
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.has(error.code)) {
          throw error;
        }
        return renderReceipt(request, reply, error);
      }
      return reply.redirect(`/ho-so/${encodeURIComponent(request.params.code)}/bien-nhan/ky-so?da-ky=1`, 303);
    },
  );
  app.get<CodeRequest>(
    '/ho-so/:code/bien-nhan-da-ky.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const { code, pdf } = await getSignedReceiptPdf({
        db,
        blobStore,
        actor: requireStaff(request),
        code: request.params.code,
        requestId: request.id,
      });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="bien-nhan-ky-so-${code}.pdf"`)
        .type('application/pdf')
        .send(Buffer.from(pdf));
    },
  );
}

export function registerAuthenticatorPages(
  app: FastifyInstance,
  options: SignatureRequestPagesOptions,
): void {
  const { db, kit } = options;
  // The signer's authenticator (issue 5 §2): set up, or again after the unit administrator reset it.
  const renderTotp = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { enrolment?: { secret: string; uri: string }; hasError?: boolean } = {},
  ) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const ok = (request.query as Record<string, unknown>).ok;
    return kit.send(reply, ctx, {
      title: ctx.t('totp.title'),
      flash: ok ? ctx.t('totp.done') : undefined,
      ...(extra.hasError ? { status: 400 } : {}),
      body: totpPage(ctx, { status: await getTotpStatus(db, actor.staffId), ...extra }),
    });
  };
  app.get('/ky-so/otp', { schema: { hide: true } }, async (request, reply) => renderTotp(request, reply));
  app.post('/ky-so/otp', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const enrolment = await enrolTotp({
      db,
      keyEncryptionKey: options.keyEncryptionKey,
      staffId: actor.staffId,
      username: actor.username,
      requestId: request.id,
    });
    return renderTotp(request, reply, { enrolment });
  });
  app.post<{ Body: Body }>('/ky-so/otp/xac-nhan', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    try {
      await confirmTotp({
        db,
        keyEncryptionKey: options.keyEncryptionKey,
        actor,
        requestId: request.id,
        code: (text(request.body?.code, 20) ?? '').replace(/\s/g, ''),
      });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
        throw error;
      }
      return renderTotp(request, reply, { hasError: true });
    }
    return reply.redirect('/ky-so/otp?ok=1', 303);
  });
}
