// Catalogue pages: public browse and detail (/thu-tuc), and the admin pages (/admin/procedures).
// Routes stay thin: read the form, call one use case, render or redirect (PRG).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { addProcedureVersion } from '../modules/catalogue/add-procedure-version.ts';
import { adoptProcedure } from '../modules/catalogue/adopt-procedure.ts';
import { createProcedure } from '../modules/catalogue/create-procedure.ts';
import { getAdoptionForEditing } from '../modules/catalogue/get-adoption-for-editing.ts';
import { getEffectiveProcedure } from '../modules/catalogue/get-effective-procedure.ts';
import { getProcedureForEditing } from '../modules/catalogue/get-procedure-for-editing.ts';
import { listConfigurableProcedures } from '../modules/catalogue/list-configurable-procedures.ts';
import { listConfigurableUnits } from '../modules/catalogue/list-configurable-units.ts';
import { listDefiningUnits } from '../modules/catalogue/list-defining-units.ts';
import { listProcedureFields } from '../modules/catalogue/list-procedure-fields.ts';
import { listProcedures } from '../modules/catalogue/list-procedures.ts';
import { formatVietnamDate, vietnamDate } from '../modules/catalogue/vietnam-date.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { listUnits } from '../modules/organisation/list-units.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import type { PageKit } from './page-kit.ts';
import {
  adoptionFormPage,
  catalogueAdminListPage,
  procedureFormPage,
} from './pages/catalogue-admin-pages.ts';
import {
  compactRows,
  type FormValues,
  parseAdoptionForm,
  parseDateInput,
  parseProcedureForm,
  procedureFormValues,
} from './pages/catalogue-forms.ts';
import { catalogueDetailPage, catalogueListPage } from './pages/catalogue-public-pages.ts';
import { errorMessage } from './pages/error-page.ts';

type Form = Record<string, string | undefined>;
const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
/** Form problems re-render the form with their status; anything else goes to the error page. */
const isFormProblem = (error: unknown): error is AppError =>
  isAppError(error) && ['VALIDATION_FAILED', 'CONFLICT'].includes(error.code);

export function registerCataloguePages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;

  app.get<{ Querystring: Record<string, unknown> }>(
    '/thu-tuc',
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = kit.context(request, reply);
      const query = {
        q: text(request.query.q),
        unit: text(request.query.unit),
        field: text(request.query.field),
      };
      const [units, fields, procedures] = await Promise.all([
        listUnits({ db }),
        listProcedureFields({ db }),
        listProcedures({
          db,
          q: query.q,
          unitId: query.unit || undefined,
          field: query.field,
          at: new Date(),
        }),
      ]);
      const places = units.filter((u) => u.kind === 'province' || u.kind === 'commune' || u.kind === 'ward');
      return kit.send(reply, ctx, {
        title: ctx.t('catalogue.title'),
        body: catalogueListPage(ctx, { query, units: places, fields, procedures }),
      });
    },
  );

  app.get<{ Params: { code: string }; Querystring: Record<string, unknown> }>(
    '/thu-tuc/:code',
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = kit.context(request, reply);
      const unitId = text(request.query.unit) || undefined;
      const code = request.params.code.slice(0, 40);
      const procedure = await getEffectiveProcedure({ db, code, unitId, at: new Date() });
      const units = unitId ? [] : await listDefiningUnits({ db, code });
      const unit = unitId ? (await listUnits({ db })).find((u) => u.id === unitId) : undefined;
      return kit.send(reply, ctx, {
        title: procedure.name,
        body: catalogueDetailPage(ctx, { procedure, unit, alternatives: units }),
      });
    },
  );

  app.get<{ Querystring: { unit?: string; notice?: string } }>(
    '/admin/procedures',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const ctx = kit.context(request, reply);
      const units = await listConfigurableUnits({ db, actor });
      const unitId = units.find((u) => u.id === request.query.unit)?.id ?? units[0]?.id;
      if (!unitId && actor.roles.every((r) => r.role !== 'unit_admin')) {
        throw new AppError('FORBIDDEN', 'Only unit administrators manage procedures.');
      }
      const listed = unitId ? await listConfigurableProcedures({ db, actor, unitId }) : undefined;
      return kit.send(reply, ctx, {
        title: ctx.t('catalogueAdmin.title'),
        body: catalogueAdminListPage(ctx, {
          units,
          unit: listed?.unit,
          isProvince: listed?.isProvince ?? false,
          rows: listed?.rows ?? [],
        }),
        flash: request.query.notice ? ctx.t('catalogueAdmin.saved') : undefined,
      });
    },
  );

  const today = () => formatVietnamDate(vietnamDate(new Date()));

  // Create a province procedure.
  const renderNew = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { unitId: string; values: FormValues; error?: AppError },
  ) => {
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('catalogueAdmin.add'),
      body: procedureFormPage(ctx, {
        title: ctx.t('catalogueAdmin.add'),
        action: '/admin/procedures',
        isNew: true,
        unitId: o.unitId,
        values: o.values,
        ...(o.error ? { errors: o.error.fields ?? {} } : {}),
        ...(o.error && !o.error.fields ? { message: errorMessage(ctx, o.error) } : {}),
      }),
      status: o.error?.status ?? 200,
    });
  };

  app.get<{ Querystring: { unit?: string } }>(
    '/admin/procedures/new',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const unitId = request.query.unit ?? '';
      // Authorise before showing the form: the list use case checks unit.configure on the unit.
      const { isProvince } = await listConfigurableProcedures({ db, actor, unitId });
      if (!isProvince) {
        throw new AppError('NOT_FOUND', 'Only a province defines procedures.');
      }
      return renderNew(request, reply, {
        unitId,
        values: { effectiveFrom: today(), level: 'commune', 'statutoryTime.kind': 'workingDays' },
      });
    },
  );

  app.post<{ Body: Form }>('/admin/procedures', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const values = compactRows(request.body ?? {});
    const unitId = values.unitId ?? '';
    try {
      await createProcedure({
        db,
        actor,
        requestId: request.id,
        unitId,
        code: values.code ?? '',
        effectiveFrom: parseDateInput(values.effectiveFrom),
        content: parseProcedureForm(values),
      });
    } catch (error) {
      if (!isFormProblem(error)) {
        throw error;
      }
      return renderNew(request, reply, { unitId, values, error });
    }
    return reply.redirect(`/admin/procedures?unit=${encodeURIComponent(unitId)}&notice=saved`, 303);
  });

  // A new version of a province procedure.
  const renderVersion = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    o: { values?: FormValues; error?: AppError },
  ) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const { procedure, latest } = await getProcedureForEditing({ db, actor, procedureId: request.params.id });
    const title = ctx.t('catalogueAdmin.newVersionTitle', { name: `${procedure.code} ${latest.name}` });
    return kit.send(reply, ctx, {
      title,
      body: procedureFormPage(ctx, {
        title,
        lead: ctx.t('catalogueAdmin.newVersionLead'),
        action: `/admin/procedures/${procedure.id}/versions`,
        isNew: false,
        values: o.values ?? { ...procedureFormValues(latest, new Date()), effectiveFrom: today() },
        ...(o.error ? { errors: o.error.fields ?? {} } : {}),
        ...(o.error && !o.error.fields ? { message: errorMessage(ctx, o.error) } : {}),
      }),
      status: o.error?.status ?? 200,
    });
  };

  app.get<{ Params: { id: string } }>(
    '/admin/procedures/:id/versions/new',
    { schema: { hide: true } },
    async (request, reply) => renderVersion(request, reply, {}),
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    '/admin/procedures/:id/versions',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const values = compactRows(request.body ?? {});
      try {
        const { unitId } = await addProcedureVersion({
          db,
          actor,
          requestId: request.id,
          procedureId: request.params.id,
          effectiveFrom: parseDateInput(values.effectiveFrom),
          content: parseProcedureForm(values),
        });
        return reply.redirect(`/admin/procedures?unit=${unitId}&notice=saved`, 303);
      } catch (error) {
        if (!isFormProblem(error)) {
          throw error;
        }
        return renderVersion(request, reply, { values, error });
      }
    },
  );

  // Adopt, adjust or withdraw at a commune.
  const renderAdoption = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    o: { unitId: string; values?: FormValues; error?: AppError },
  ) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const found = await getAdoptionForEditing({
      db,
      actor,
      procedureId: request.params.id,
      unitId: o.unitId,
    });
    const current = found.adoption?.adjustments;
    const prefill: Record<string, string> = { effectiveFrom: today(), note: current?.note ?? '' };
    for (const fee of current?.fees ?? []) {
      prefill[`fees.${fee.index}.amountVnd`] = String(fee.amountVnd);
    }
    for (const step of current?.stepBudgets ?? []) {
      prefill[`steps.${step.index}.budget.amount`] = String(step.budget.amount);
      prefill[`steps.${step.index}.budget.unit`] = step.budget.unit;
    }
    return kit.send(reply, ctx, {
      title: ctx.t('catalogueAdmin.adopt'),
      body: adoptionFormPage(ctx, {
        unit: found.unit,
        procedureId: found.procedure.id,
        code: found.procedure.code,
        province: found.province,
        values: o.values ?? prefill,
        ...(o.error ? { errors: o.error.fields ?? {} } : {}),
        ...(o.error && !o.error.fields ? { message: errorMessage(ctx, o.error) } : {}),
      }),
      status: o.error?.status ?? 200,
    });
  };

  app.get<{ Params: { id: string }; Querystring: { unit?: string } }>(
    '/admin/procedures/:id/adoption',
    { schema: { hide: true } },
    async (request, reply) => renderAdoption(request, reply, { unitId: request.query.unit ?? '' }),
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    '/admin/procedures/:id/adoption',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const values = request.body ?? {};
      const unitId = values.unitId ?? '';
      try {
        const { province } = await getAdoptionForEditing({
          db,
          actor,
          procedureId: request.params.id,
          unitId,
        });
        const isAdopted = values.decision !== 'withdraw';
        await adoptProcedure({
          db,
          actor,
          requestId: request.id,
          procedureId: request.params.id,
          unitId,
          effectiveFrom: parseDateInput(values.effectiveFrom),
          isAdopted,
          adjustments: parseAdoptionForm(values, province),
        });
      } catch (error) {
        if (!isFormProblem(error)) {
          throw error;
        }
        return renderAdoption(request, reply, { unitId, values, error });
      }
      return reply.redirect(`/admin/procedures?unit=${encodeURIComponent(unitId)}&notice=saved`, 303);
    },
  );
}
