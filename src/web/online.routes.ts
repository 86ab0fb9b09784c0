// Online submission pages (issue 6 §3 "Online"), mounted twice: under /cong-dan for phones and computers and
// under /kiosk for the kiosk mode. A signed-in citizen fills the counter's form (multipart, no JavaScript
// needed, CSRF-checked by the web plugin), saves a draft or submits, and follows their dossiers.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { isAdopterKind } from '../modules/catalogue/catalogue-units.ts';
import { findEffectiveProcedure } from '../modules/catalogue/find-effective-procedure.ts';
import { listProcedures } from '../modules/catalogue/list-procedures.ts';
import { requireCitizen } from '../modules/citizen-identity/authenticate-citizen.ts';
import type { CitizenActor } from '../modules/citizen-identity/citizen-actor.ts';
import type { UploadLimits } from '../modules/dossiers/check-upload.ts';
import { deleteDossierDraft } from '../modules/dossiers/delete-dossier-draft.ts';
import type { DossierDraft } from '../modules/dossiers/dossier.table.ts';
import { getDossierDraft } from '../modules/dossiers/get-dossier-draft.ts';
import { getViewableDossier } from '../modules/dossiers/get-viewable-dossier.ts';
import { saveDossierDraft } from '../modules/dossiers/save-dossier-draft.ts';
import { submitOnlineDossier } from '../modules/dossiers/submit-online-dossier.ts';
import { listUnits } from '../modules/organisation/list-units.ts';
import { hasSignedResult } from '../modules/workflow/get-signed-result.ts';
import type { BlobStore } from '../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { documentIndexesOf, filesOf, formText } from './multipart-form.ts';
import type { PageKit } from './page-kit.ts';
import {
  citizenDossierPage,
  type OnlineBase,
  type OnlineFormValues,
  onlineFormPage,
  onlineStartPage,
} from './pages/online-pages.ts';
import { registerDossierDocumentRoutes } from './receipt.routes.ts';

const FORM_PROBLEMS = ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'CONFLICT'];

export interface OnlinePagesOptions {
  readonly db: Db;
  readonly kit: PageKit;
  readonly blobStore: BlobStore;
  readonly limits: UploadLimits;
  readonly publicUrl: string;
  readonly base: OnlineBase;
  /** The business clock (the submission's received time); default the system time. */
  readonly clock?: Clock | undefined;
}

/** The citizen's values as the form shows them: identity first, what they typed (or saved) over it. */
function formValues(citizen: CitizenActor, draft?: DossierDraft): OnlineFormValues {
  return {
    phone: draft?.fields.phone ?? citizen.phone ?? '',
    email: draft?.fields.email ?? citizen.email ?? '',
    address: draft?.fields.address ?? '',
    documents: draft?.documents.map((d) => d.index) ?? [],
  };
}

export function registerOnlinePages(app: FastifyInstance, options: OnlinePagesOptions): void {
  const { db, kit, base } = options;
  const clock = options.clock ?? systemClock;
  const channel = base === '/kiosk' ? 'kiosk' : 'online';

  const receivingUnits = async () =>
    (await listUnits({ db })).filter(isAdopterKind).map((u) => ({ id: u.id, name: u.name }));

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      citizen: CitizenActor;
      unitId: string;
      procedureCode: string;
      values: OnlineFormValues;
      draft?: DossierDraft | undefined;
      isDraftSaved?: boolean;
      error?: AppError;
    },
  ) => {
    const procedure = await findEffectiveProcedure({
      db,
      unitId: o.unitId,
      code: o.procedureCode,
      at: new Date(),
    });
    const unit = (await receivingUnits()).find((u) => u.id === o.unitId);
    if (!procedure || !unit) {
      if (o.error) {
        throw o.error;
      }
      throw new AppError('NOT_FOUND', 'The unit does not provide this procedure.');
    }
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: procedure.name,
      status: o.error?.status ?? 200,
      body: onlineFormPage(ctx, {
        base,
        unit,
        procedure,
        citizen: o.citizen,
        values: o.values,
        draft: o.draft,
        isDraftSaved: o.isDraftSaved ?? false,
        errors: o.error?.fields ?? {},
        message: o.error && o.error.code !== 'VALIDATION_FAILED' ? o.error.message : undefined,
      }),
    });
  };

  app.get<{ Querystring: Record<string, unknown> }>(
    `${base}/nop-ho-so`,
    { schema: { hide: true } },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      const query = request.query;
      if (typeof query.nhap === 'string') {
        const draft = await getDossierDraft({ db, citizen, draftId: query.nhap });
        return showForm(request, reply, {
          citizen,
          unitId: draft.unit_id,
          procedureCode: draft.procedure_code,
          values: formValues(citizen, draft),
          draft,
          isDraftSaved: query.luu === '1',
        });
      }
      const units = await receivingUnits();
      const unit = units.find((u) => u.id === query.unit) ?? units[0];
      const code = formText(query.procedure, 40);
      if (unit && code) {
        return showForm(request, reply, {
          citizen,
          unitId: unit.id,
          procedureCode: code,
          values: formValues(citizen),
        });
      }
      const q = formText(query.q, 200) ?? '';
      const procedures = unit ? await listProcedures({ db, unitId: unit.id, q, at: new Date() }) : [];
      const ctx = kit.context(request, reply);
      return kit.send(reply, ctx, {
        title: ctx.t('intake.online.title'),
        body: onlineStartPage(ctx, { base, units, unitId: unit?.id ?? '', q, procedures }),
      });
    },
  );

  // Multipart only in this scope, and only for a signed-in citizen: nobody else makes the server buffer uploads.
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      requireCitizen(request);
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: options.limits.maxFileBytes, files: 30, fields: 60, fieldSize: 16 * 1024 },
    });
    scope.post(`${base}/nop-ho-so`, { schema: { hide: true } }, async (request, reply) => {
      const citizen = requireCitizen(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const unitId = formText(body.unit, 64) ?? '';
      const procedureCode = formText(body.procedure, 40) ?? '';
      const draftId = formText(body.draft, 64) || undefined;
      const indexes = documentIndexesOf(body);
      const fields = {
        address: formText(body.address, 500),
        phone: formText(body.phone, 20),
        email: formText(body.email, 200),
      };
      const documents = indexes.map((index) => ({ index, files: filesOf(body[`file-${index}`]) }));
      const common = {
        db,
        blobStore: options.blobStore,
        citizen,
        requestId: request.id,
        limits: options.limits,
        now: clock.now(),
      };
      try {
        if (body.action === 'save') {
          const saved = await saveDossierDraft({
            ...common,
            draftId,
            unitId,
            procedureCode,
            fields,
            documents,
          });
          return reply.redirect(`${base}/nop-ho-so?nhap=${encodeURIComponent(saved.id)}&luu=1`, 303);
        }
        const submitted = await submitOnlineDossier({
          ...common,
          channel,
          draftId,
          unitId,
          procedureCode,
          fields,
          documents,
        });
        return reply.redirect(`${base}/ho-so/${encodeURIComponent(submitted.code)}?moi=1`, 303);
      } catch (error) {
        if (!isAppError(error) || !FORM_PROBLEMS.includes(error.code)) {
          throw error;
        }
        const draft = draftId ? await getDossierDraft({ db, citizen, draftId }) : undefined;
        return showForm(request, reply, {
          citizen,
          unitId: draft?.unit_id ?? unitId,
          procedureCode: draft?.procedure_code ?? procedureCode,
          values: { ...fields, documents: indexes },
          draft,
          error,
        });
      }
    });
  });

  app.post<{ Params: { id: string } }>(
    `${base}/nhap/:id/xoa`,
    { schema: { hide: true } },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      await deleteDossierDraft({ db, citizen, requestId: request.id, draftId: request.params.id });
      return reply.redirect(base, 303);
    },
  );

  app.get<{ Params: { code: string }; Querystring: Record<string, unknown> }>(
    `${base}/ho-so/:code`,
    { schema: { hide: true } },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      const found = await getViewableDossier({ db, viewer: citizen, code: request.params.code });
      const ctx = kit.context(request, reply);
      return kit.send(reply, ctx, {
        title: `${ctx.t('dossier.title')} ${found.dossier.code}`,
        body: citizenDossierPage(ctx, {
          base,
          ...found,
          isJustSubmitted: request.query.moi === '1',
          hasSignedResult: base === '/cong-dan' && (await hasSignedResult(db, found.dossier.code)),
        }),
      });
    },
  );

  registerDossierDocumentRoutes(app, {
    db,
    kit,
    blobStore: options.blobStore,
    publicUrl: options.publicUrl,
    prefix: `${base}/ho-so`,
    viewer: requireCitizen,
  });
}
