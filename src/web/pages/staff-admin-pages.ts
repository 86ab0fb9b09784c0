import type { RoleOnUnit } from '../../modules/identity/actor.ts';
import { ROLES } from '../../modules/identity/roles.ts';
import type { Staff } from '../../modules/identity/staff.table.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { table, tag } from '../components/content.ts';
import { button, csrfField, errorSummary, type FieldErrors, select, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

type StaffRow = Pick<Staff, 'id' | 'username' | 'full_name' | 'title' | 'is_disabled' | 'locked_until'>;

function statusTag(ctx: PageContext, staff: Pick<Staff, 'is_disabled' | 'locked_until'>): SafeHtml {
  if (staff.is_disabled) {
    return tag(ctx.t('staff.disabled'), 'grey');
  }
  if (staff.locked_until && staff.locked_until > new Date()) {
    return tag(
      ctx.t('staff.locked', {
        time: staff.locked_until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
      }),
      'red',
    );
  }
  return tag(ctx.t('staff.active'), 'green');
}

export function staffListPage(ctx: PageContext, options: { staff: readonly StaffRow[] }): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('staff.title')}</h1>
<p><a class="button button--primary" href="/admin/staff/new">${t('staff.add')}</a></p>
${
  options.staff.length === 0
    ? html`<p>${t('staff.none')}</p>`
    : table({
        head: [t('staff.fullName'), t('staff.username'), t('staff.position'), t('common.status')],
        rows: options.staff.map((s) => [
          html`<a href="/admin/staff/${s.id}">${s.full_name}</a>`,
          s.username,
          s.title,
          statusTag(ctx, s),
        ]),
      })
}`;
}

const unitOptions = (ctx: PageContext, units: readonly Unit[]) =>
  units.map((u) => ({ value: u.id, label: `${u.name} (${ctx.t(`unitKind.${u.kind}`)})` }));
const roleOptions = (ctx: PageContext) => ROLES.map((r) => ({ value: r, label: ctx.t(`role.${r}`) }));

export interface NewStaffForm {
  readonly fullName?: string;
  readonly username?: string;
  readonly title?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly unitId?: string;
  readonly role?: string;
}

export function newStaffPage(
  ctx: PageContext,
  options: { units: readonly Unit[]; values?: NewStaffForm; errors?: FieldErrors; message?: string },
): SafeHtml {
  const { t } = ctx;
  const v = options.values ?? {};
  const e = options.errors ?? {};
  const labels = {
    fullName: t('staff.fullName'),
    username: t('staff.username'),
    password: t('staff.password'),
    unitId: t('staff.unit'),
    role: t('staff.role'),
  };
  return html`${errorSummary(ctx, { message: options.message, fields: e, labels })}
<h1>${t('staff.add')}</h1>
<form method="post" action="/admin/staff" novalidate>
  ${csrfField(ctx)}
  ${textInput(ctx, { name: 'fullName', label: t('staff.fullName'), value: v.fullName, error: e.fullName, isRequired: true, autocomplete: 'off' })}
  ${textInput(ctx, { name: 'username', label: t('staff.username'), value: v.username, error: e.username, isRequired: true, width: 'half', spellcheck: false, autocomplete: 'off' })}
  ${textInput(ctx, { name: 'title', label: t('staff.position'), value: v.title, width: 'half' })}
  ${textInput(ctx, { name: 'email', label: t('staff.email'), value: v.email, type: 'email', width: 'half', autocomplete: 'off' })}
  ${textInput(ctx, { name: 'phone', label: t('staff.phone'), value: v.phone, type: 'tel', width: 'third', autocomplete: 'off' })}
  ${textInput(ctx, { name: 'password', label: t('staff.password'), type: 'password', error: e.password, isRequired: true, width: 'half', hint: t('staff.passwordHint'), autocomplete: 'new-password' })}
  ${select(ctx, { name: 'unitId', label: t('staff.unit'), options: unitOptions(ctx, options.units), value: v.unitId, error: e.unitId })}
  ${select(ctx, { name: 'role', label: t('staff.role'), options: roleOptions(ctx), value: v.role, error: e.role })}
  <div class="button-group">${button(t('common.save'))}<a href="/admin/staff">${t('common.cancel')}</a></div>
</form>`;
}

export function staffDetailPage(
  ctx: PageContext,
  options: {
    staff: Staff;
    roles: readonly RoleOnUnit[];
    units: readonly Unit[];
    message?: string;
    flash?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const s = options.staff;
  const action = (
    path: string,
    label: string,
    variant: 'primary' | 'secondary' | 'warning' = 'secondary',
    hidden: SafeHtml = html``,
  ) =>
    html`<form method="post" action="/admin/staff/${s.id}/${path}" class="inline-form">${csrfField(ctx)}${hidden}${button(label, { variant })}</form>`;
  return html`${errorSummary(ctx, { message: options.message })}
<p><a href="/admin/staff">${t('common.back')}</a></p>
<h1>${s.full_name}</h1>
<dl class="summary-list">
  <div><dt>${t('staff.username')}</dt><dd>${s.username}</dd></div>
  <div><dt>${t('staff.position')}</dt><dd>${s.title}</dd></div>
  <div><dt>${t('staff.email')}</dt><dd>${s.email ?? ''}</dd></div>
  <div><dt>${t('staff.phone')}</dt><dd>${s.phone ?? ''}</dd></div>
  <div><dt>${t('common.status')}</dt><dd>${statusTag(ctx, s)}</dd></div>
</dl>
${table({
  caption: t('staff.roles'),
  head: [t('staff.role'), t('staff.unit'), t('common.actions')],
  rows: options.roles.map((r) => [
    t(`role.${r.role}`),
    r.unitName,
    action(
      'roles/revoke',
      t('staff.revoke'),
      'secondary',
      html`<input type="hidden" name="unitId" value="${r.unitId}"><input type="hidden" name="role" value="${r.role}">`,
    ),
  ]),
})}
<h2>${t('staff.grant')}</h2>
<form method="post" action="/admin/staff/${s.id}/roles" novalidate>
  ${csrfField(ctx)}
  ${select(ctx, { name: 'unitId', label: t('staff.unit'), options: unitOptions(ctx, options.units) })}
  ${select(ctx, { name: 'role', label: t('staff.role'), options: roleOptions(ctx) })}
  ${button(t('staff.grant'))}
</form>
<h2>${t('common.actions')}</h2>
<div class="button-group">
  ${s.is_disabled ? action('enable', t('staff.enable')) : action('disable', t('staff.disable'), 'warning')}
  ${s.locked_until ? action('unlock', t('staff.unlock')) : ''}
</div>
<form method="post" action="/admin/staff/${s.id}/password" novalidate>
  ${csrfField(ctx)}
  ${textInput(ctx, { name: 'newPassword', label: t('staff.newPassword'), type: 'password', width: 'half', hint: t('staff.passwordHint'), autocomplete: 'new-password', isRequired: true })}
  ${button(t('staff.resetPassword'), { variant: 'secondary' })}
</form>`;
}
