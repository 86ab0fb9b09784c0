import type { StaffActor } from '../../modules/identity/actor.ts';
import { canAnywhere, type Permission } from '../../modules/identity/permissions.ts';
import { ROLES, type Role } from '../../modules/identity/roles.ts';
import { card, table, tag } from '../components/content.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

/** Where each role's work starts, for the roles whose pages exist yet. */
const ROLE_HOMES: Partial<Record<Role, { href: string; permission: Permission }>> = {
  unit_admin: { href: '/admin/staff', permission: 'staff.manage' },
  auditor: { href: '/audit', permission: 'audit.read' },
  receptionist: { href: '/ho-so/tiep-nhan', permission: 'dossier.receive' },
  // Signing (issue 5 §4)
  leader: { href: '/ky-duyet', permission: 'document.sign' },
  clerk: { href: '/dong-dau', permission: 'document.seal' },
  // Dossier processing (issue 7): the work queue.
  specialist: { href: '/ho-so/hang-doi', permission: 'dossier.process' },
};

/** The staff home: one section per role the member holds, with the work that role does. */
export function workspacePage(ctx: PageContext, actor: StaffActor): SafeHtml {
  const { t } = ctx;
  const held = ROLES.filter((role) => actor.roles.some((r) => r.role === role));
  const soon = tag(t('common.comingSoon'), 'grey');
  return html`<h1>${t('workspace.greeting', { name: actor.fullName })}</h1>
<p class="lead secondary-text">${actor.title}</p>
${held.length === 0 ? html`<p>${t('workspace.noRoles')}</p>` : ''}
<ul class="cards">
  ${held.map((role) => {
    const home = ROLE_HOMES[role];
    return home && canAnywhere(actor, home.permission)
      ? card({ title: t(`role.${role}`), body: t(`workspace.role.${role}`), href: home.href })
      : card({ title: t(`role.${role}`), body: t(`workspace.role.${role}`), badge: soon });
  })}
  ${canAnywhere(actor, 'dossier.receive') ? card({ title: t('intake.awaiting.title'), body: t('intake.awaiting.workspace'), href: '/ho-so/truc-tuyen' }) : ''}
  ${canAnywhere(actor, 'dossier.receive') || canAnywhere(actor, 'dossier.approve') || canAnywhere(actor, 'unit.configure') ? card({ title: t('workflow.queue.title'), body: t('workflow.queue.lead'), href: '/ho-so/hang-doi' }) : ''}
  ${canAnywhere(actor, 'unit.configure') ? card({ title: t('calendar.workspace.title'), body: t('calendar.workspace.body'), href: '/admin/calendar' }) : ''}
  ${canAnywhere(actor, 'unit.configure') ? card({ title: t('catalogueAdmin.title'), body: t('catalogueAdmin.workspace'), href: '/admin/procedures' }) : ''}
  ${canAnywhere(actor, 'statistics.read') ? card({ title: t('statistics.title'), body: t('statistics.workspace.body'), href: '/thong-ke' }) : ''}
  ${canAnywhere(actor, 'notification.read') ? card({ title: t('notifications.title'), body: t('notifications.workspace.body'), href: '/thong-bao' }) : ''}
  ${canAnywhere(actor, 'certification.read') ? card({ title: t('certification.title'), body: t('certification.workspace'), href: '/chung-thuc' }) : ''}
  ${canAnywhere(actor, 'document.seal') ? card({ title: t('resultRegister.title'), body: t('resultRegister.workspace'), href: '/so-ket-qua' }) : ''}
</ul>
${
  actor.roles.length > 0
    ? table({
        caption: t('workspace.yourRoles'),
        head: [t('staff.role'), t('staff.unit')],
        rows: actor.roles.map((r) => [t(`role.${r.role}`), r.unitName]),
      })
    : ''
}`;
}
