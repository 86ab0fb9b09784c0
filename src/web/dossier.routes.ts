// The counter pages (issue 6 §3): receptionists find the procedure, enter the dossier with its scans
// (multipart, works without JavaScript, CSRF-checked by the web plugin), and see the dossier page.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import type { NoteVerifier } from '../lib/tlog/index.ts';
import { findEffectiveProcedure } from '../modules/catalogue/find-effective-procedure.ts';
import { listProcedures } from '../modules/catalogue/list-procedures.ts';
import { acceptOnlineDossier } from '../modules/dossiers/accept-online-dossier.ts';
import type { UploadLimits } from '../modules/dossiers/check-upload.ts';
import { getDossier } from '../modules/dossiers/get-dossier.ts';
import { getDossierHistory } from '../modules/dossiers/get-dossier-history.ts';
import { receiveDossier } from '../modules/dossiers/receive-dossier.ts';
import { refuseOnlineDossier } from '../modules/dossiers/refuse-online-dossier.ts';
import { viewOnlineDossiersAwaiting } from '../modules/dossiers/view-online-dossiers-awaiting.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { canAnywhere, scopesFor } from '../modules/identity/permissions.ts';
import { listDossierNotifications } from '../modules/notifications/list-dossier-notifications.ts';
import { getDossierWorkView } from '../modules/workflow/get-dossier-work-view.ts';
import type { WorkflowActionName } from '../modules/workflow/workflow-actions.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { staffProofHref } from './audit-history.routes.ts';
import { auditHistory, proofLabel } from './components/audit-history.ts';
import { html } from './html.ts';
import { documentIndexesOf, filesOf, formText } from './multipart-form.ts';
import type { PageKit } from './page-kit.ts';
import { awaitingPage } from './pages/dossier-awaiting-page.ts';
import {
  COUNTER_TEXT_FIELDS,
  type CounterFormValues,
  counterFormPage,
  counterSearchPage,
} from './pages/dossier-counter-page.ts';
import { dossierPage } from './pages/dossier-page.ts';
import { ACTION_PATHS } from './pages/workflow-forms.ts';
import { workflowSection } from './pages/workflow-pages.ts';

type Body = Record<string, unknown>;
const text = formText;
const FORM_PROBLEMS = ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'];

export function registerDossierPages(
  app: FastifyInstance,
  options: {
    db: Db;
    kit: PageKit;
    blobStore: BlobStore;
    limits: UploadLimits;
    /** The audit log's verifier, for the history's "verified" marks (absent: no history section). */
    logVerifier?: (() => NoteVerifier) | undefined;
    /** The business clock (received and accepted times); default the system time. */
    clock?: Clock | undefined;
  },
): void {
  const { db, kit } = options;
  const clock = options.clock ?? systemClock;

  app.get<{ Querystring: Record<string, unknown> }>(
    '/ho-so/tiep-nhan',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const units = scopesFor(actor, 'dossier.receive').map((r) => ({ id: r.unitId, name: r.unitName }));
      if (units.length === 0) {
        throw new AppError('FORBIDDEN', 'Receiving dossiers needs the receptionist role.');
      }
      const ctx = kit.context(request, reply);
      const unit = units.find((u) => u.id === request.query.unit) ?? units[0];
      const code = text(request.query.procedure, 40);
      const now = new Date();
      if (unit && code) {
        const procedure = await findEffectiveProcedure({ db, unitId: unit.id, code, at: now });
        if (procedure) {
          return kit.send(reply, ctx, {
            title: ctx.t('dossier.counter.title'),
            body: counterFormPage(ctx, { unit, procedure, values: {} }),
          });
        }
      }
      const q = text(request.query.q, 200) ?? '';
      const procedures = unit ? await listProcedures({ db, unitId: unit.id, q, at: now }) : [];
      return kit.send(reply, ctx, {
        title: ctx.t('dossier.counter.title'),
        body: counterSearchPage(ctx, { units, unitId: unit?.id ?? '', q, procedures }),
      });
    },
  );

  // Multipart only in this scope: the rest of the app never parses uploads.
  app.register(async (scope) => {
    // Before any byte of the body is read: only receptionists may make the server buffer uploads.
    scope.addHook('onRequest', async (request) => {
      if (!canAnywhere(requireStaff(request), 'dossier.receive')) {
        throw new AppError('FORBIDDEN', 'Receiving dossiers needs the receptionist role.');
      }
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: {
        fileSize: options.limits.maxFileBytes,
        files: 30,
        fields: 100,
        fieldSize: 64 * 1024,
      },
    });
    scope.post('/ho-so/tiep-nhan', { schema: { hide: true } }, async (request, reply) => {
      const actor = requireStaff(request);
      const body = (request.body ?? {}) as Body;
      const unitId = text(body.unit, 64) ?? '';
      const procedureCode = text(body.procedure, 40) ?? '';
      const documentIndexes = documentIndexesOf(body);
      const values: CounterFormValues = {
        ...Object.fromEntries(COUNTER_TEXT_FIELDS.map((k) => [k, text(body[k], 2000)])),
        documents: documentIndexes,
      };
      const isRefusal = body.action === 'refuse';
      const feeText = (values.feeVnd ?? '').replace(/[.\s,]/g, '');
      try {
        if (feeText && !/^\d{1,10}$/.test(feeText)) {
          throw new AppError('VALIDATION_FAILED', 'Invalid fee.', { fields: { feeVnd: 'amountInvalid' } });
        }
        const received = await receiveDossier({
          db,
          blobStore: options.blobStore,
          actor,
          requestId: request.id,
          unitId,
          procedureCode,
          channel: 'counter',
          applicant: values,
          documents: documentIndexes.map((index) => ({ index, files: filesOf(body[`file-${index}`]) })),
          feeVnd: feeText ? Number(feeText) : undefined,
          refusalReasons: isRefusal ? (values.refusalReasons ?? '') : undefined,
          limits: options.limits,
          now: clock.now(),
        });
        return reply.redirect(`/ho-so/${encodeURIComponent(received.code)}?moi=1`, 303);
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.includes(error.code)) {
          throw error;
        }
        const unit = scopesFor(actor, 'dossier.receive').find((r) => r.unitId === unitId);
        const procedure = unit
          ? await findEffectiveProcedure({ db, unitId: unit.unitId, code: procedureCode, at: new Date() })
          : undefined;
        if (!unit || !procedure) {
          throw error;
        }
        const ctx = kit.context(request, reply);
        return kit.send(reply, ctx, {
          title: ctx.t('dossier.counter.title'),
          status: error.status,
          body: counterFormPage(ctx, {
            unit: { id: unit.unitId, name: unit.unitName },
            procedure,
            values,
            errors: error.fields ?? {},
            message: error.code === 'VALIDATION_FAILED' ? undefined : error.message,
          }),
        });
      }
    });
  });

  // Online dossiers awaiting a receptionist (issue 6 §3 "Online"): the list, then accept or refuse.
  app.get('/ho-so/truc-tuyen', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    if (!canAnywhere(actor, 'dossier.receive')) {
      throw new AppError('FORBIDDEN', 'Receiving dossiers needs the receptionist role.');
    }
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('intake.awaiting.title'),
      // It names the applicants: a `register.viewed` event per unit listed.
      body: awaitingPage(ctx, await viewOnlineDossiersAwaiting({ db, actor, requestId: request.id })),
    });
  });

  app.post<{ Params: { code: string } }>(
    '/ho-so/:code/tiep-nhan',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const { code } = await acceptOnlineDossier({
        db,
        actor,
        requestId: request.id,
        code: request.params.code,
        now: clock.now(),
      });
      return reply.redirect(`/ho-so/${encodeURIComponent(code)}?moi=1`, 303);
    },
  );

  app.post<{ Params: { code: string }; Body: Body }>(
    '/ho-so/:code/tu-choi',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const reasons = text(request.body?.refusalReasons, 2000) ?? '';
      try {
        const { code } = await refuseOnlineDossier({
          db,
          actor,
          requestId: request.id,
          now: clock.now(),
          code: request.params.code,
          reasons,
        });
        return reply.redirect(`/ho-so/${encodeURIComponent(code)}?moi=1`, 303);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
          throw error;
        }
        const found = await getDossier({ db, actor, code: request.params.code, requestId: request.id });
        const ctx = kit.context(request, reply);
        return kit.send(reply, ctx, {
          title: `${ctx.t('dossier.title')} ${found.dossier.code}`,
          status: error.status,
          body: dossierPage(ctx, {
            ...found,
            isJustReceived: false,
            refusalError: error.fields?.refusalReasons,
          }),
        });
      }
    },
  );

  app.get<{ Params: { code: string }; Querystring: Record<string, unknown> }>(
    '/ho-so/:code',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      // Processing (issue 7): staff of the deciding body and of a unit it was handed to see it too; the
      // view is a `dossier.viewed` audit event (issue 4 §1).
      const view = await getDossierWorkView({ db, actor, code: request.params.code, requestId: request.id });
      const found = { dossier: view.work.dossier, timeline: view.timeline, unitName: view.work.unit.name };
      const notifications = await listDossierNotifications({ db, actor, dossier: found.dossier });
      const ctx = kit.context(request, reply);
      const code = found.dossier.code;
      // The history has the page's own access: it reads the work the view loaded (and checked) once.
      const events = options.logVerifier
        ? await getDossierHistory({ db, work: view.work, verifier: options.logVerifier() })
        : undefined;
      const history = events
        ? auditHistory(ctx, {
            history: events,
            proof: (seq) => html`<a href="${staffProofHref(code, seq)}" download>${proofLabel(ctx, seq)}</a>`,
          })
        : undefined;
      const done = Object.entries(ACTION_PATHS).find(([, path]) => path === request.query.xong)?.[0];
      return kit.send(reply, ctx, {
        title: `${ctx.t('dossier.title')} ${found.dossier.code}`,
        body: dossierPage(ctx, {
          ...found,
          notifications,
          isJustReceived: request.query.moi === '1',
          history,
          workflow: workflowSection(ctx, view),
        }),
        flash: done
          ? ctx.t('workflow.done', { action: ctx.t(`workflow.action.${done as WorkflowActionName}`) })
          : undefined,
      });
    },
  );
}
