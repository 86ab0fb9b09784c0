// The certification pages (issue 7 §3): /chung-thuc (the electronic register of a month, printable), the
// officer's page of a certification dossier with the certify form (multipart), the certified PDFs for the
// staff of the unit, and the citizen's signed certified copies under /cong-dan. CSRF: the web plugin.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import type { CertificationKind } from '../modules/certification/certification-kind.ts';
import { certifyPaper } from '../modules/certification/certify-paper.ts';
import { extendCertification } from '../modules/certification/extend-certification.ts';
import { getCertifiedPdf } from '../modules/certification/get-certified-pdf.ts';
import {
  getDossierCertifications,
  listCertificationsOfDossier,
} from '../modules/certification/get-dossier-certifications.ts';
import { loadCertificationDossier } from '../modules/certification/load-certification-dossier.ts';
import { viewCertificationRegister } from '../modules/certification/view-certification-register.ts';
import { requireCitizen } from '../modules/citizen-identity/authenticate-citizen.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { choosePermittedUnit } from '../modules/identity/list-permitted-units.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type AppError, isAppError } from '../platform/errors.ts';
import { filesOf, formText } from './multipart-form.ts';
import type { PageKit } from './page-kit.ts';
import {
  type CertifyFormValues,
  citizenCertificationsPage,
  dossierCertificationPage,
  type ExtensionFormValues,
  KIND_PARAM,
  registerPage,
} from './pages/certification-pages.ts';

type CodeParams = { Params: { code: string } };
type PdfParams = { Params: { code: string; id: string } };
const FORM_PROBLEMS = new Set(['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE']);

/** This month in Vietnam (UTC+7), `YYYY-MM`. */
function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

function sendPdf(reply: FastifyReply, pdf: Uint8Array, name: string) {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `inline; filename="${name}"`)
    .type('application/pdf')
    .send(Buffer.from(pdf));
}

/** `12/1/2026/SCT/BS` → `chung-thuc-12-1-2026-SCT-BS.pdf` (ASCII only, for the header). */
function pdfName(number: string): string {
  return `chung-thuc-${number.replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-')}.pdf`;
}

export function registerCertificationPages(
  app: FastifyInstance,
  options: {
    db: Db;
    kit: PageKit;
    blobStore: BlobStore;
    maxFileBytes: number;
    /** The business clock (statement date, register year, extension); default the system time. */
    clock?: Clock;
  },
): void {
  const { db, kit, blobStore } = options;
  const clock = options.clock ?? systemClock;

  app.get<{ Querystring: Record<string, unknown> }>(
    '/chung-thuc',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const q = request.query;
      const unitId = typeof q.unit === 'string' && q.unit !== '' ? q.unit.slice(0, 64) : undefined;
      const { unit, units } = await choosePermittedUnit(db, actor, 'certification.read', unitId);
      const kind: CertificationKind = q.loai === KIND_PARAM.signature ? 'signature' : 'copy';
      const asked =
        typeof q.thang === 'string' && q.thang !== '' ? q.thang.slice(0, 20) : currentMonth(clock.now());
      const ctx = kit.context(request, reply);
      // Each register shown is a `register.viewed` event (it names the requesters); a refused month, none.
      const run = (month: string) =>
        viewCertificationRegister({ db, actor, requestId: request.id, unitId: unit.id, kind, month });
      try {
        const { entries } = await run(asked);
        return kit.send(reply, ctx, {
          title: ctx.t('certification.title'),
          body: registerPage(ctx, { unit, units, kind, month: asked, entries }),
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
          throw error;
        }
        const { entries } = await run(currentMonth(clock.now()));
        return kit.send(reply, ctx, {
          title: ctx.t('certification.title'),
          status: error.status,
          body: registerPage(ctx, {
            unit,
            units,
            kind,
            month: currentMonth(clock.now()),
            entries,
            error: 'invalid',
          }),
        });
      }
    },
  );

  const renderDossier = async (
    request: FastifyRequest<CodeParams>,
    reply: FastifyReply,
    problem?: { error: AppError; values: CertifyFormValues },
    extension?: { error: AppError; values: ExtensionFormValues },
  ) => {
    const actor = requireStaff(request);
    const view = await getDossierCertifications({
      db,
      actor,
      code: request.params.code,
      requestId: request.id,
    });
    const ctx = kit.context(request, reply);
    const done = (request.query as Record<string, unknown>).so;
    return kit.send(reply, ctx, {
      title: ctx.t('certification.dossierTitle', { code: view.dossier.code }),
      ...(problem ? { status: problem.error.status } : {}),
      ...(extension ? { status: extension.error.status } : {}),
      body: dossierCertificationPage(ctx, {
        ...view,
        ...(problem
          ? {
              values: problem.values,
              errors: problem.error.fields ?? {},
              message: problem.error.fields ? undefined : ctx.t('field.pdfInvalid'),
            }
          : {}),
        doneNumber: typeof done === 'string' ? done.slice(0, 40) : undefined,
        isExtended: (request.query as Record<string, unknown>).gia_han === '1',
        ...(extension
          ? {
              extension: {
                values: extension.values,
                errors: extension.error.fields ?? {},
                message: extension.error.fields ? undefined : extension.error.message,
              },
            }
          : {}),
      }),
    });
  };
  app.get<CodeParams>('/ho-so/:code/chung-thuc', { schema: { hide: true } }, (request, reply) =>
    renderDossier(request, reply),
  );
  app.get<PdfParams>(
    '/ho-so/:code/chung-thuc/:id.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const viewer = requireStaff(request);
      const { certification, pdf } = await getCertifiedPdf({
        db,
        blobStore,
        viewer,
        code: request.params.code,
        certificationId: request.params.id,
        requestId: request.id,
      });
      return sendPdf(reply, pdf, pdfName(certification.number));
    },
  );

  // The certification's extension (≤ 2 working days): a plain form, re-shown with its problems.
  app.post<CodeParams & { Body: Record<string, unknown> }>(
    '/ho-so/:code/chung-thuc/gia-han',
    { schema: { hide: true } },
    async (request, reply) => {
      const body = request.body ?? {};
      const values: ExtensionFormValues = {
        days: formText(body.days, 2),
        ground: formText(body.ground, 40),
        reason: formText(body.reason, 1000),
      };
      try {
        await extendCertification({
          db,
          actor: requireStaff(request),
          requestId: request.id,
          code: request.params.code,
          days: values.days && /^\d$/.test(values.days) ? Number(values.days) : Number.NaN,
          ground: values.ground,
          reason: values.reason,
          now: clock.now(),
        });
        return reply.redirect(`/ho-so/${encodeURIComponent(request.params.code)}/chung-thuc?gia_han=1`, 303);
      } catch (error) {
        if (!isAppError(error) || !['VALIDATION_FAILED', 'INVALID_STATE'].includes(error.code)) {
          throw error;
        }
        return renderDossier(request, reply, undefined, { error, values });
      }
    },
  );

  // Multipart only in this scope, for staff.
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      requireStaff(request);
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: options.maxFileBytes, files: 1, fields: 10, fieldSize: 64 * 1024 },
    });
    scope.post<CodeParams>('/ho-so/:code/chung-thuc', { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values: CertifyFormValues = {
        paperTitle: formText(body.paperTitle, 300),
        copies: formText(body.copies, 10),
        signer: formText(body.signer, 64),
      };
      const copies = values.copies?.trim();
      try {
        const certification = await certifyPaper({
          db,
          blobStore,
          actor: requireStaff(request),
          requestId: request.id,
          code: request.params.code,
          original: filesOf(body.original)[0],
          paperTitle: values.paperTitle,
          copies: copies && /^\d{1,3}$/.test(copies) ? Number(copies) : copies ? Number.NaN : undefined,
          signerStaffId: values.signer,
          now: clock.now(),
        });
        const code = encodeURIComponent(request.params.code);
        return reply.redirect(
          `/ho-so/${code}/chung-thuc?so=${encodeURIComponent(certification.number)}`,
          303,
        );
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.has(error.code)) {
          throw error;
        }
        return renderDossier(request, reply, { error, values });
      }
    });
  });

  // The citizen's signed certified copies (their own dossier, signed in).
  app.get<CodeParams>(
    '/cong-dan/ho-so/:code/chung-thuc',
    { schema: { hide: true } },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      const { dossier } = await loadCertificationDossier({ db, viewer: citizen, code: request.params.code });
      const certifications = await listCertificationsOfDossier(db, dossier.id);
      const ctx = kit.context(request, reply);
      return kit.send(reply, ctx, {
        title: ctx.t('certification.citizenTitle', { code: dossier.code }),
        body: citizenCertificationsPage(ctx, { base: '/cong-dan', dossier, certifications }),
      });
    },
  );
  app.get<PdfParams>(
    '/cong-dan/ho-so/:code/chung-thuc/:id.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const { certification, pdf } = await getCertifiedPdf({
        db,
        blobStore,
        viewer: requireCitizen(request),
        code: request.params.code,
        certificationId: request.params.id,
        requestId: request.id,
        now: clock.now(),
      });
      return sendPdf(reply, pdf, pdfName(certification.number));
    },
  );
}
