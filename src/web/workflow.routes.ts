// The processing pages (issue 7 §1, §4, §5): the work queue, a form post for every action (multipart for
// the two that carry files), the printable forms BM.02/BM.04/BM.05 and the referral slip (HTML and PDF),
// the result file, and the citizen's supplement page. CSRF is checked by the web plugin for every post.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { requireCitizen } from '../modules/citizen-identity/authenticate-citizen.ts';
import type { UploadLimits } from '../modules/dossiers/check-upload.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { getDossierWorkView } from '../modules/workflow/get-dossier-work-view.ts';
import { getResultFile } from '../modules/workflow/get-result-file.ts';
import { getSupplementRequest } from '../modules/workflow/get-supplement-request.ts';
import { getSuppliedFile } from '../modules/workflow/get-supplied-file.ts';
import { getWorkflowForm } from '../modules/workflow/get-workflow-form.ts';
import { listWarningThresholds } from '../modules/workflow/list-warning-thresholds.ts';
import type { WorkActor } from '../modules/workflow/load-dossier-work.ts';
import { renderWorkflowFormPdf } from '../modules/workflow/render-workflow-form-pdf.ts';
import {
  findSignedSlip,
  isSignableSlip,
  requestSlipSignature,
} from '../modules/workflow/request-slip-signature.ts';
import { setWarningThreshold } from '../modules/workflow/set-warning-threshold.ts';
import { supplyDossier } from '../modules/workflow/supply-dossier.ts';
import { uploadResult } from '../modules/workflow/upload-result.ts';
import { viewWorkQueue } from '../modules/workflow/view-work-queue.ts';
import { WORKFLOW_API_ROUTES } from '../modules/workflow/workflow.routes.ts';
import type { WorkflowActionName } from '../modules/workflow/workflow-actions.ts';
import { isWorkflowFormKind } from '../modules/workflow/workflow-form.types.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { workflowFormPage } from './components/workflow-form-page.ts';
import { html } from './html.ts';
import type { PageKit } from './page-kit.ts';
import { formatVietnamTime } from './pages/dossier-format.ts';
import { ACTION_PATHS, FILE_ACTIONS, type FormValues } from './pages/workflow-forms.ts';
import { actionFormPage, citizenSupplyPage, queuePage } from './pages/workflow-pages.ts';

type Params = { Params: { code: string; action: string } };
type FormParams = { Params: { code: string; form: string } };
const FORM_PROBLEMS = ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'];

const ACTION_BY_PATH = new Map(
  (Object.entries(ACTION_PATHS) as [WorkflowActionName, string][]).map(([action, path]) => [path, action]),
);

/** The string fields of a posted form (files and the CSRF token left out). */
function stringsOf(body: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '_csrf',
    ),
  );
}

function filesOf(value: unknown): Uint8Array[] {
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is Buffer => Buffer.isBuffer(v) && v.length > 0).map((b) => new Uint8Array(b));
}

const numberOrUndefined = (text: string | undefined) =>
  text && /^\d{1,10}$/.test(text.replace(/[.\s,]/g, '')) ? Number(text.replace(/[.\s,]/g, '')) : undefined;

/** A posted form as the API body of the action (the same use case runs behind both). */
function apiBodyOf(action: WorkflowActionName, v: Record<string, string>): Record<string, unknown> {
  switch (action) {
    case 'assign': {
      const [kind, value] = (v.assignee ?? '').split(':');
      return kind === 'staff' ? { staffId: value } : kind === 'role' ? { role: value } : {};
    }
    case 'handOver':
      return {
        toStep: numberOrUndefined(v.toStep),
        toUnitId: v.toUnitId,
        toStaffId: v.toStaffId || undefined,
        note: v.note,
      };
    case 'requestPayment':
      return { amountVnd: numberOrUndefined(v.amountVnd) ?? Number.NaN, note: v.note };
    case 'extend':
      return { days: numberOrUndefined(v.days) ?? Number.NaN, reason: v.reason };
    default:
      return v;
  }
}

export function registerWorkflowPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; blobStore: BlobStore; limits: UploadLimits; publicUrl: string } & {
    /** The business clock (the actions' times, due dates); default the system time. */
    clock?: Clock;
  },
): void {
  const { db, kit, blobStore, limits, publicUrl } = options;
  const clock = options.clock ?? systemClock;

  app.get<{ Querystring: { luu?: string } }>(
    '/ho-so/hang-doi',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      // It names the applicants: a `register.viewed` event per receiving unit listed.
      const items = await viewWorkQueue({ db, actor, requestId: request.id });
      const thresholds = await listWarningThresholds({ db, actor });
      const ctx = kit.context(request, reply);
      return kit.send(reply, ctx, {
        title: ctx.t('workflow.queue.title'),
        body: queuePage(ctx, items, thresholds),
        flash: request.query.luu === '1' ? ctx.t('workflow.settings.saved') : undefined,
      });
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/ho-so/hang-doi/canh-bao',
    { schema: { hide: true } },
    async (request, reply) => {
      const body = stringsOf(request.body);
      await setWarningThreshold({
        db,
        actor: requireStaff(request),
        requestId: request.id,
        unitId: body.unitId ?? '',
        days: numberOrUndefined(body.days) ?? Number.NaN,
      });
      return reply.redirect('/ho-so/hang-doi?luu=1', 303);
    },
  );

  /** Runs the action; on a form problem shows the form alone again with the errors, else redirects. */
  async function handle(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    action: WorkflowActionName,
    run: () => Promise<unknown>,
  ) {
    const actor = requireStaff(request);
    try {
      await run();
      const code = encodeURIComponent(request.params.code.trim().toUpperCase());
      return reply.redirect(`/ho-so/${code}?xong=${ACTION_PATHS[action]}`, 303);
    } catch (error) {
      if (!isAppError(error) || !FORM_PROBLEMS.includes(error.code)) {
        throw error;
      }
      const view = await getDossierWorkView({ db, actor, code: request.params.code, requestId: request.id });
      const ctx = kit.context(request, reply);
      const values: FormValues = stringsOf(request.body);
      const errors = error.fields ?? { [action === 'uploadResult' ? 'result' : 'files']: 'required' };
      return kit.send(reply, ctx, {
        title: ctx.t(`workflow.action.${action}`),
        status: error.status,
        body: actionFormPage(ctx, view, action, values, errors),
      });
    }
  }

  app.post<Params>('/ho-so/:code/xu-ly/:action', { schema: { hide: true } }, async (request, reply) => {
    // The guard first: an anonymous visitor is sent to sign in whatever the action (test/http/routes.test.ts).
    const actor = requireStaff(request);
    const action = ACTION_BY_PATH.get(request.params.action);
    if (!action || FILE_ACTIONS.has(action)) {
      throw new AppError('NOT_FOUND', 'No such action.');
    }
    const base = { db, actor, requestId: request.id, code: request.params.code, now: clock.now() };
    const body = apiBodyOf(action, stringsOf(request.body));
    return handle(request, reply, action, () => WORKFLOW_API_ROUTES[action].run(base, body, blobStore));
  });

  // Multipart only in this scope, and only for staff who may process dossiers at all.
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/ho-so/')) {
        requireStaff(request);
      } else {
        requireCitizen(request);
      }
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: limits.maxFileBytes, files: 20, fields: 20, fieldSize: 64 * 1024 },
    });
    scope.post<Params>('/ho-so/:code/xu-ly/supply', { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const actor = requireStaff(request);
      const base = { db, actor, requestId: request.id, code: request.params.code, now: clock.now() };
      return handle(request, reply, 'supply', () =>
        supplyDossier({ ...base, blobStore, limits, files: filesOf(body.files), note: stringsOf(body).note }),
      );
    });
    scope.post<Params>('/ho-so/:code/xu-ly/result', { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const actor = requireStaff(request);
      const base = { db, actor, requestId: request.id, code: request.params.code, now: clock.now() };
      return handle(request, reply, 'uploadResult', () =>
        uploadResult({ ...base, blobStore, limits, pdf: filesOf(body.result)[0] }),
      );
    });
    scope.post<{ Params: { code: string } }>(
      '/cong-dan/ho-so/:code/bo-sung',
      { schema: { hide: true } },
      async (request, reply) => {
        const citizen = requireCitizen(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        try {
          await supplyDossier({
            db,
            actor: citizen,
            requestId: request.id,
            code: request.params.code,
            blobStore,
            limits,
            files: filesOf(body.files),
            note: stringsOf(body).note,
            now: clock.now(),
          });
        } catch (error) {
          if (!isAppError(error) || !FORM_PROBLEMS.includes(error.code)) {
            throw error;
          }
          const found = await getSupplementRequest({ db, citizen, code: request.params.code });
          const ctx = kit.context(request, reply);
          return kit.send(reply, ctx, {
            title: ctx.t('workflow.supply.title', { code: found.dossier.code }),
            status: error.status,
            body: citizenSupplyPage(ctx, {
              ...found,
              errors: error.fields ?? {},
              message: error.code === 'VALIDATION_FAILED' ? undefined : error.message,
            }),
          });
        }
        return reply.redirect(
          `/cong-dan/ho-so/${encodeURIComponent(request.params.code)}/bo-sung?xong=1`,
          303,
        );
      },
    );
  });

  app.get<{ Params: { code: string }; Querystring: { xong?: string } }>(
    '/cong-dan/ho-so/:code/bo-sung',
    { schema: { hide: true } },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      const found = await getSupplementRequest({ db, citizen, code: request.params.code });
      const ctx = kit.context(request, reply);
      const due = found.dossier.due_at;
      return kit.send(reply, ctx, {
        title: ctx.t('workflow.supply.title', { code: found.dossier.code }),
        body: citizenSupplyPage(ctx, found),
        flash:
          request.query.xong === '1' && due
            ? ctx.t('workflow.supply.done', { due: formatVietnamTime(due) })
            : undefined,
      });
    },
  );

  async function sendForm(request: FastifyRequest<FormParams>, reply: FastifyReply, actor: WorkActor) {
    const isPdf = request.params.form.endsWith('.pdf');
    const kind = request.params.form.replace(/\.pdf$/, '');
    if (!isWorkflowFormKind(kind)) {
      throw new AppError('NOT_FOUND', 'No such form.');
    }
    const form = await getWorkflowForm({
      db,
      actor,
      code: request.params.code,
      form: kind,
      publicUrl,
      view: { requestId: request.id, format: isPdf ? 'pdf' : 'page' },
    });
    // results (issue 7 §4, §5): a slip signed by the head and sealed is handed out as signed.
    const signed =
      isPdf && isSignableSlip(kind)
        ? await findSignedSlip({ db, blobStore, code: form.dossierCode, form: kind })
        : undefined;
    if (isPdf) {
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${kind}-${form.dossierCode}.pdf"`)
        .send(Buffer.from(signed ?? (await renderWorkflowFormPdf(form))));
    }
    const ctx = kit.context(request, reply);
    const back = actor.kind === 'staff' ? `/ho-so/${encodeURIComponent(form.dossierCode)}` : '/cong-dan';
    return kit.send(reply, ctx, {
      title: `${form.name} ${form.dossierCode}`,
      body: html`<p class="no-print"><a class="button" href="${request.url.split('?')[0]}.pdf">${ctx.t('workflow.form.pdf')}</a> <a href="${back}">${ctx.t('workflow.back')}</a></p>
${workflowFormPage(form)}`,
    });
  }

  app.get<FormParams>('/ho-so/:code/phieu/:form', { schema: { hide: true } }, async (request, reply) =>
    sendForm(request, reply, requireStaff(request)),
  );
  // results (issue 7 §4, §5): the referral slip or BM.04 goes to the head's signature and the seal.
  app.post<FormParams>(
    '/ho-so/:code/phieu/:form/trinh-ky',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const form = request.params.form;
      if (!isSignableSlip(form)) {
        throw new AppError('NOT_FOUND', 'No such form.');
      }
      const signatureRequest = await requestSlipSignature({
        db,
        blobStore,
        actor,
        requestId: request.id,
        code: request.params.code,
        form,
        publicUrl,
      });
      return reply.redirect(`/trinh-ky/${signatureRequest.id}`, 303);
    },
  );
  // The applicant's own slips (BM.02, BM.04, referral); BM.05 is internal.
  app.get<FormParams>(
    '/cong-dan/ho-so/:code/phieu/:form',
    { schema: { hide: true } },
    async (request, reply) => {
      if (request.params.form.startsWith('bm05')) {
        throw new AppError('NOT_FOUND', 'No such form.');
      }
      return sendForm(request, reply, requireCitizen(request));
    },
  );

  app.get<{ Params: { code: string; sha256: string } }>(
    '/ho-so/:code/bo-sung/tep/:sha256',
    {
      schema: { hide: true },
      // A supplied file is the citizen's content: no scripts, no same-origin powers (as the intake scans).
      onSend: async (_request, reply, payload) => {
        reply.header('content-security-policy', 'sandbox');
        return payload;
      },
    },
    async (request, reply) => {
      const { file, bytes } = await getSuppliedFile({
        db,
        blobStore,
        actor: requireStaff(request),
        code: request.params.code,
        sha256: request.params.sha256,
        requestId: request.id,
      });
      return reply
        .type(file.mediaType)
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .send(Buffer.from(bytes));
    },
  );

  app.get<{ Params: { code: string } }>(
    '/ho-so/:code/ket-qua.pdf',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getResultFile({
        db,
        blobStore,
        actor: requireStaff(request),
        code: request.params.code,
        requestId: request.id,
      });
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="ket-qua-${file.code}.pdf"`)
        .send(Buffer.from(file.bytes));
    },
  );
}
