import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../database.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { clearLockout } from '../modules/identity/clear-lockout.ts';
import { createStaff } from '../modules/identity/create-staff.ts';
import { grantRole } from '../modules/identity/grant-role.ts';
import { listManageableStaff } from '../modules/identity/list-manageable-staff.ts';
import { getManageableStaff } from '../modules/identity/manageable-staff.ts';
import { resetStaffPassword } from '../modules/identity/reset-staff-password.ts';
import { revokeRole } from '../modules/identity/revoke-role.ts';
import { isRole, type Role } from '../modules/identity/roles.ts';
import { setStaffDisabled } from '../modules/identity/set-staff-disabled.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import type { PageKit } from './page-kit.ts';
import { errorMessage } from './pages/error-page.ts';
import {
  type NewStaffForm,
  newStaffPage,
  staffDetailPage,
  staffListPage,
} from './pages/staff-admin-pages.ts';

type Form = Record<string, string | undefined>;
type IdParams = { Params: { id: string } };

function roleFrom(form: Form): Role {
  const role = form.role ?? '';
  if (!isRole(role)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown role.', { fields: { role: 'unknownRole' } });
  }
  return role;
}

export function registerStaffAdminPages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { kit, db } = options;

  const renderDetail = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    extra: { message?: string; status?: number; flash?: string },
  ) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const { staff, roles } = await getManageableStaff(db, actor, request.params.id);
    const { units } = await listManageableStaff({ db, actor });
    return kit.send(reply, ctx, {
      title: staff.full_name,
      body: staffDetailPage(ctx, {
        staff,
        roles,
        units,
        ...(extra.message ? { message: extra.message } : {}),
      }),
      status: extra.status ?? 200,
      flash: extra.flash,
    });
  };

  app.get<{ Querystring: { notice?: string } }>(
    '/admin/staff',
    { schema: { hide: true } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const ctx = kit.context(request, reply);
      const { staff } = await listManageableStaff({ db, actor });
      const flash = request.query.notice === 'created' ? ctx.t('staff.updated') : undefined;
      return kit.send(reply, ctx, {
        title: ctx.t('staff.title'),
        body: staffListPage(ctx, { staff }),
        flash,
      });
    },
  );

  app.get('/admin/staff/new', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const ctx = kit.context(request, reply);
    const { units } = await listManageableStaff({ db, actor });
    return kit.send(reply, ctx, { title: ctx.t('staff.add'), body: newStaffPage(ctx, { units }) });
  });

  app.post<{ Body: Form }>('/admin/staff', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const form = request.body ?? {};
    const values: NewStaffForm = {
      fullName: form.fullName ?? '',
      username: form.username ?? '',
      title: form.title ?? '',
      email: form.email ?? '',
      phone: form.phone ?? '',
      unitId: form.unitId ?? '',
      role: form.role ?? '',
    };
    try {
      const { id } = await createStaff({
        db,
        actor,
        requestId: request.id,
        username: values.username ?? '',
        fullName: values.fullName ?? '',
        title: values.title ?? '',
        email: values.email ?? null,
        phone: values.phone ?? null,
        password: form.password ?? '',
        unitId: values.unitId ?? '',
        role: roleFrom(form),
      });
      return reply.redirect(`/admin/staff/${id}?notice=created`, 303);
    } catch (error) {
      if (!isAppError(error) || !['VALIDATION_FAILED', 'CONFLICT'].includes(error.code)) {
        throw error;
      }
      const ctx = kit.context(request, reply);
      const { units } = await listManageableStaff({ db, actor });
      return kit.send(reply, ctx, {
        title: ctx.t('staff.add'),
        body: newStaffPage(ctx, {
          units,
          values,
          errors: error.fields ?? {},
          ...(error.fields ? {} : { message: errorMessage(ctx, error) }),
        }),
        status: error.status,
      });
    }
  });

  app.get<IdParams & { Querystring: { notice?: string } }>(
    '/admin/staff/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const flash = request.query.notice ? kit.context(request, reply).t('staff.updated') : undefined;
      return renderDetail(request, reply, flash ? { flash } : {});
    },
  );

  // Each action: run the use case, then back to the member's page (PRG); a refused action re-renders
  // the page with its status and message.
  const action = (path: string, run: (request: FastifyRequest<IdParams & { Body: Form }>) => Promise<void>) =>
    app.post<IdParams & { Body: Form }>(
      `/admin/staff/:id/${path}`,
      { schema: { hide: true } },
      async (request, reply) => {
        try {
          await run(request);
        } catch (error) {
          if (
            !isAppError(error) ||
            !['VALIDATION_FAILED', 'CONFLICT', 'INVALID_STATE'].includes(error.code)
          ) {
            throw error;
          }
          const ctx = kit.context(request, reply);
          return renderDetail(request, reply, { message: errorMessage(ctx, error), status: error.status });
        }
        return reply.redirect(`/admin/staff/${request.params.id}?notice=updated`, 303);
      },
    );

  const common = (request: FastifyRequest<IdParams>) => ({
    db,
    actor: requireStaff(request),
    requestId: request.id,
    staffId: request.params.id,
  });
  action('roles', (r) =>
    grantRole({ ...common(r), unitId: r.body?.unitId ?? '', role: roleFrom(r.body ?? {}) }),
  );
  action('roles/revoke', (r) =>
    revokeRole({ ...common(r), unitId: r.body?.unitId ?? '', role: roleFrom(r.body ?? {}) }),
  );
  action('disable', (r) => setStaffDisabled({ ...common(r), isDisabled: true }));
  action('enable', (r) => setStaffDisabled({ ...common(r), isDisabled: false }));
  action('unlock', (r) => clearLockout(common(r)));
  action('password', (r) => resetStaffPassword({ ...common(r), newPassword: r.body?.newPassword ?? '' }));
}
