// Calendar pages: the public working calendar with its due-date calculator (/lich-lam-viec), and the unit
// administrator's holiday-table and office-hours pages (/admin/calendar). Each route: one use case, a page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { type DueDate, toVietnamIso } from '../lib/calendar/index.ts';
import { computeUnitDueDate } from '../modules/calendar/compute-unit-due-date.ts';
import { deadlineRuleFromQuery } from '../modules/calendar/deadline-rule-query.ts';
import { deleteHolidayTable } from '../modules/calendar/delete-holiday-table.ts';
import { getUnitHolidays } from '../modules/calendar/get-unit-holidays.ts';
import { getWorkingCalendar } from '../modules/calendar/get-working-calendar.ts';
import { listCalendarAdminUnits } from '../modules/calendar/list-calendar-admin-units.ts';
import { setHolidayTable } from '../modules/calendar/set-holiday-table.ts';
import { setOfficeHours } from '../modules/calendar/set-office-hours.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { listUnits } from '../modules/organisation/list-units.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import type { FieldErrors } from './components/form.ts';
import type { PageKit } from './page-kit.ts';
import {
  ADMIN_CALENDAR_PATH,
  calendarAdminHome,
  holidayTablePage,
  officeHoursPage,
} from './pages/calendar-admin-pages.ts';
import {
  type Form,
  type HolidayTableForm,
  holidayFormFromPost,
  holidayFormFromTable,
  holidayTableFromForm,
  type OfficeHoursForm,
  officeHoursFormFrom,
  officeHoursFormFromPost,
  officeHoursFromForm,
} from './pages/calendar-forms.ts';
import {
  type CalculatorForm,
  PUBLIC_CALENDAR_PATH,
  publicCalendarPage,
} from './pages/calendar-public-page.ts';
import { errorMessage } from './pages/error-page.ts';

const currentYear = () => Number(toVietnamIso(new Date()).slice(0, 4));
const field = (form: Form, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : (value as string | undefined)) ?? '';
};
/** Calculator input names for the rule parser's fields. */
const CALCULATOR_FIELD: Record<string, string> = {
  cutoff: 'cutoffRule',
  beforeClosing: 'cutoffRule',
  receivedAt: 'receivedDate',
};

/** The public calculator: the due date for the form's rule and reception time, or its field errors. */
async function calculate(
  db: Db,
  unitId: string,
  form: CalculatorForm,
): Promise<{ result?: DueDate; errors: FieldErrors }> {
  const date = form.receivedDate ?? '';
  const time = form.receivedTime ?? '';
  const receivedAt = new Date(`${date}T${time}:00+07:00`);
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(receivedAt.getTime())) {
    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      errors.receivedDate = 'invalidDate';
    } else {
      errors.receivedTime = 'invalidTime';
    }
  }
  try {
    const rule = deadlineRuleFromQuery({
      kind: form.kind,
      days: form.days,
      cutoff: form.cutoffRule === '15:00' ? '15:00' : undefined,
      beforeClosing: form.cutoffRule === 'beforeClosing60' ? '60' : undefined,
    });
    if (Object.keys(errors).length > 0) {
      return { errors };
    }
    return { result: await computeUnitDueDate({ db, unitId, rule, receivedAt }), errors };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
      throw error;
    }
    for (const [name, code] of Object.entries(error.fields ?? { kind: 'required' })) {
      errors[CALCULATOR_FIELD[name] ?? name] = code;
    }
    return { errors };
  }
}

interface Rendering<F> {
  form?: F;
  errors?: FieldErrors;
  message?: string;
  status?: number;
  flash?: string | undefined;
}

export function registerCalendarPages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;

  app.get<{ Querystring: Form }>(PUBLIC_CALENDAR_PATH, { schema: { hide: true } }, async (request, reply) => {
    const ctx = kit.context(request, reply);
    const query = request.query;
    const units = await listUnits({ db });
    const unitId = field(query, 'unit');
    const unit = unitId
      ? units.find((u) => u.id === unitId)
      : (units.find((u) => u.kind === 'commune' || u.kind === 'ward') ?? units[0]);
    if (!unit) {
      throw new AppError('NOT_FOUND', 'No such unit.');
    }
    const year = field(query, 'year') ? Number(field(query, 'year')) : currentYear();
    const found = await getUnitHolidays({ db, unitId: unit.id, year });
    const nameOf = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? null) : null);
    const now = toVietnamIso(new Date());
    const form: CalculatorForm = {
      kind: field(query, 'kind'),
      days: field(query, 'days'),
      cutoffRule: field(query, 'cutoffRule'),
      receivedDate: field(query, 'receivedDate') || now.slice(0, 10),
      receivedTime: field(query, 'receivedTime') || now.slice(11, 16),
    };
    const { result, errors } = form.kind ? await calculate(db, unit.id, form) : { errors: {} };
    return kit.send(reply, ctx, {
      title: ctx.t('calendar.public.title'),
      status: Object.keys(errors).length > 0 ? 400 : 200,
      body: publicCalendarPage(ctx, {
        units,
        unit,
        year,
        holidays: found.table,
        holidaysSetBy: nameOf(found.setByUnitId),
        officeHours: found.officeHours,
        officeHoursSetBy: nameOf(found.officeHoursFrom),
        form,
        errors,
        ...(result ? { result } : {}),
      }),
    });
  });

  app.get(ADMIN_CALENDAR_PATH, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const admin = await listCalendarAdminUnits({ db, actor });
    return kit.send(reply, ctx, {
      title: ctx.t('calendar.admin.title'),
      body: calendarAdminHome(ctx, { ...admin, year: currentYear() }),
    });
  });

  const flashFor = (request: FastifyRequest, reply: FastifyReply) => {
    const notice = (request.query as Form | undefined)?.notice;
    const ctx = kit.context(request, reply);
    return notice === 'saved'
      ? ctx.t('calendar.admin.saved')
      : notice === 'deleted'
        ? ctx.t('calendar.admin.deleted')
        : undefined;
  };

  const renderHolidays = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { unitId: string; year: number; blankRows?: number },
    extra: Rendering<HolidayTableForm> = {},
  ) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const admin = await listCalendarAdminUnits({ db, actor });
    const province = admin.provinces.find((p) => p.unit.id === target.unitId);
    if (!province) {
      throw new AppError('NOT_FOUND', 'No such province among the units you configure.');
    }
    const found = await getUnitHolidays({ db, unitId: province.unit.id, year: target.year });
    return kit.send(reply, ctx, {
      title: ctx.t('calendar.admin.holidaysTitle', { unit: province.unit.name, year: target.year }),
      status: extra.status ?? 200,
      flash: extra.flash,
      body: holidayTablePage(ctx, {
        province: province.unit,
        year: target.year,
        canEdit: province.canEdit,
        current: found.table,
        isOfficial: found.setByUnitId === province.unit.id,
        form: extra.form ?? holidayFormFromTable(found.table),
        blankRows: target.blankRows ?? 3,
        ...(extra.errors ? { errors: extra.errors } : {}),
        ...(extra.message ? { message: extra.message } : {}),
      }),
    });
  };

  app.get<{ Querystring: Form }>(
    `${ADMIN_CALENDAR_PATH}/holidays`,
    { schema: { hide: true } },
    async (request, reply) => {
      const year = field(request.query, 'year') ? Number(field(request.query, 'year')) : currentYear();
      return renderHolidays(
        request,
        reply,
        { unitId: field(request.query, 'unit'), year },
        { flash: flashFor(request, reply) },
      );
    },
  );

  app.post<{ Body: Form }>(
    `${ADMIN_CALENDAR_PATH}/holidays`,
    { schema: { hide: true } },
    async (request, reply) => {
      const body = request.body ?? {};
      const target = { unitId: field(body, 'unit'), year: Number(field(body, 'year')) };
      const form = holidayFormFromPost(body);
      if (field(body, 'intent') === 'addRows') {
        return renderHolidays(request, reply, { ...target, blankRows: 5 }, { form });
      }
      const parsed = holidayTableFromForm(target.year, form);
      if (!parsed.table) {
        return renderHolidays(request, reply, target, { form, errors: parsed.errors, status: 400 });
      }
      try {
        await setHolidayTable({
          db,
          actor: requireStaff(request),
          requestId: request.id,
          unitId: target.unitId,
          table: parsed.table,
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
          throw error;
        }
        const ctx = kit.context(request, reply);
        return renderHolidays(request, reply, target, {
          form,
          errors: error.fields ?? {},
          message: errorMessage(ctx, error),
          status: error.status,
        });
      }
      return reply.redirect(
        `${ADMIN_CALENDAR_PATH}/holidays?unit=${target.unitId}&year=${target.year}&notice=saved`,
        303,
      );
    },
  );

  app.post<{ Body: Form }>(
    `${ADMIN_CALENDAR_PATH}/holidays/delete`,
    { schema: { hide: true } },
    async (request, reply) => {
      const body = request.body ?? {};
      const target = { unitId: field(body, 'unit'), year: Number(field(body, 'year')) };
      await deleteHolidayTable({ db, actor: requireStaff(request), requestId: request.id, ...target });
      return reply.redirect(
        `${ADMIN_CALENDAR_PATH}/holidays?unit=${target.unitId}&year=${target.year}&notice=deleted`,
        303,
      );
    },
  );

  const renderOfficeHours = async (
    request: FastifyRequest,
    reply: FastifyReply,
    unitId: string,
    extra: Rendering<OfficeHoursForm> = {},
  ) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const admin = await listCalendarAdminUnits({ db, actor });
    const unit = admin.units.find((u) => u.id === unitId);
    if (!unit) {
      throw new AppError('NOT_FOUND', 'No such unit among the units you configure.');
    }
    const working = await getWorkingCalendar({ db, unitId: unit.id });
    const from = working.officeHoursFrom
      ? ((await listUnits({ db })).find((u) => u.id === working.officeHoursFrom)?.name ?? null)
      : null;
    return kit.send(reply, ctx, {
      title: ctx.t('calendar.officeHoursOf', { unit: unit.name }),
      status: extra.status ?? 200,
      flash: extra.flash,
      body: officeHoursPage(ctx, {
        unit,
        current: working.officeHours,
        currentFrom: from,
        isOwn: working.officeHoursFrom === unit.id,
        form: extra.form ?? officeHoursFormFrom(working.officeHours),
        ...(extra.errors ? { errors: extra.errors } : {}),
        ...(extra.message ? { message: extra.message } : {}),
      }),
    });
  };

  app.get<{ Querystring: Form }>(
    `${ADMIN_CALENDAR_PATH}/office-hours`,
    { schema: { hide: true } },
    async (request, reply) =>
      renderOfficeHours(request, reply, field(request.query, 'unit'), { flash: flashFor(request, reply) }),
  );

  app.post<{ Body: Form }>(
    `${ADMIN_CALENDAR_PATH}/office-hours`,
    { schema: { hide: true } },
    async (request, reply) => {
      const body = request.body ?? {};
      const unitId = field(body, 'unit');
      const form = officeHoursFormFromPost(body);
      const parsed = officeHoursFromForm(form);
      if (!parsed.hours) {
        return renderOfficeHours(request, reply, unitId, { form, errors: parsed.errors, status: 400 });
      }
      try {
        await setOfficeHours({
          db,
          actor: requireStaff(request),
          requestId: request.id,
          unitId,
          officeHours: parsed.hours,
        });
      } catch (error) {
        if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
          throw error;
        }
        return renderOfficeHours(request, reply, unitId, {
          form,
          errors: error.fields ?? {},
          status: error.status,
        });
      }
      return reply.redirect(`${ADMIN_CALENDAR_PATH}/office-hours?unit=${unitId}&notice=saved`, 303);
    },
  );

  app.post<{ Body: Form }>(
    `${ADMIN_CALENDAR_PATH}/office-hours/clear`,
    { schema: { hide: true } },
    async (request, reply) => {
      const unitId = field(request.body ?? {}, 'unit');
      await setOfficeHours({
        db,
        actor: requireStaff(request),
        requestId: request.id,
        unitId,
        officeHours: null,
      });
      return reply.redirect(`${ADMIN_CALENDAR_PATH}/office-hours?unit=${unitId}&notice=saved`, 303);
    },
  );
}
