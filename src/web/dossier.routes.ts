// The counter pages (issue 6 §3): receptionists find the procedure, enter the dossier with its scans
// (multipart, works without JavaScript, CSRF-checked by the web plugin), and see the dossier page.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { findEffectiveProcedure } from '../modules/catalogue/find-effective-procedure.ts';
import { listProcedures } from '../modules/catalogue/list-procedures.ts';
import type { UploadLimits } from '../modules/dossiers/check-upload.ts';
import { receiveDossier } from '../modules/dossiers/receive-dossier.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { canAnywhere, scopesFor } from '../modules/identity/permissions.ts';
import { getDossierWorkView } from '../modules/workflow/get-dossier-work-view.ts';
import type { WorkflowActionName } from '../modules/workflow/workflow-actions.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import type { PageKit } from './page-kit.ts';
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
const text = (value: unknown, max = 500) => (typeof value === 'string' ? value.slice(0, max) : undefined);
const FORM_PROBLEMS = ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'];

/** The files of one `file-<n>` field: a browser sends an empty part for an empty file input. */
function filesOf(value: unknown): Uint8Array[] {
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is Buffer => Buffer.isBuffer(v) && v.length > 0).map((b) => new Uint8Array(b));
}

export function registerDossierPages(
  app: FastifyInstance,
  options: { db: Db; kit: PageKit; blobStore: BlobStore; limits: UploadLimits },
): void {
  const { db, kit } = options;

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
      const documentIndexes = Object.keys(body)
        .map((key) => /^doc-(\d{1,3})$/.exec(key)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number);
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

  app.get<{ Params: { code: string }; Querystring: Record<string, unknown> }>(
    '/ho-so/:code',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      // Processing (issue 7): staff of the deciding body and of a unit it was handed to see it too.
      const view = await getDossierWorkView({ db, actor, code: request.params.code });
      const found = { dossier: view.work.dossier, timeline: view.timeline, unitName: view.work.unit.name };
      const ctx = kit.context(request, reply);
      const done = Object.entries(ACTION_PATHS).find(([, path]) => path === request.query.xong)?.[0];
      return kit.send(reply, ctx, {
        title: `${ctx.t('dossier.title')} ${found.dossier.code}`,
        body: dossierPage(ctx, {
          ...found,
          isJustReceived: request.query.moi === '1',
          workflow: workflowSection(ctx, view),
        }),
        flash: done
          ? ctx.t('workflow.done', { action: ctx.t(`workflow.action.${done as WorkflowActionName}`) })
          : undefined,
      });
    },
  );
}
