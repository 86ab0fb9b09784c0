// One dossier for the staff of its unit, printable (the print stylesheet hides navigation and buttons).

import type { Dossier, DossierStatusEvent } from '../../modules/dossiers/dossier.table.ts';
import { dossierStatusLabel } from '../../modules/dossiers/dossier-status.ts';
import type { NotificationOutboxRow } from '../../modules/notifications/notification.table.ts';
import { notificationBanner, table } from '../components/content.ts';
import { refusalReasonsField } from '../components/dossier-form-fields.ts';
import { button, csrfField } from '../components/form.ts';
import { notificationDeliveries } from '../components/notification-deliveries.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatMoney } from './catalogue-format.ts';
import { certificationLink } from './certification-pages.ts';
import { formatVietnamTime } from './dossier-format.ts';
import { scanTable } from './online-pages.ts';

export function dossierPage(
  ctx: PageContext,
  o: {
    dossier: Dossier;
    timeline: readonly DossierStatusEvent[];
    unitName: string;
    isJustReceived: boolean;
    refusalError?: string | undefined;
    /** Citizen notifications and their delivery state; absent for staff without `notification.read`. */
    notifications?: readonly NotificationOutboxRow[] | undefined;
    /** The audit-log history section (web/components/audit-history.ts). */
    history?: SafeHtml | undefined;
    /** The processing section (issue 7, src/web/pages/workflow-pages.ts). */
    workflow?: SafeHtml | undefined;
  },
): SafeHtml {
  const { t, locale } = ctx;
  const d = o.dossier;
  const a = d.applicant;
  const derivation = locale === 'en' ? d.derivation_en : d.derivation_vi;
  return html`${o.isJustReceived ? notificationBanner({ kind: 'success', title: t(d.status === 3 ? 'dossier.refusedBanner' : 'dossier.receivedBanner'), body: d.code }) : ''}
<h1>${t('dossier.title')} <span class="nowrap">${d.code}</span></h1>
<p class="lead">${d.procedure_code} · ${d.procedure_name}</p>
<dl class="summary-list">
  <div><dt>${t('dossier.unit')}</dt><dd>${o.unitName}</dd></div>
  <div><dt>${t('common.status')}</dt><dd>${dossierStatusLabel(d.status, locale)}</dd></div>
  ${d.submitted_at ? html`<div><dt>${t('intake.online.submittedAt')}</dt><dd>${formatVietnamTime(d.submitted_at)}</dd></div>` : ''}
  ${d.status === 1 ? '' : html`<div><dt>${t('dossier.receivedAt')}</dt><dd>${formatVietnamTime(d.received_at)}</dd></div>`}
  ${d.due_at ? html`<div><dt>${t('dossier.dueAt')}</dt><dd><strong>${formatVietnamTime(d.due_at)}</strong></dd></div>` : ''}
  ${derivation ? html`<div><dt>${t('dossier.derivation')}</dt><dd>${derivation}</dd></div>` : ''}
  ${d.refusal_reasons ? html`<div><dt>${t('dossier.refusalReasons')}</dt><dd>${d.refusal_reasons}</dd></div>` : ''}
  <div><dt>${t('dossier.fee')}</dt><dd>${formatMoney(ctx, d.fee_vnd)}</dd></div>
</dl>
<h2>${t('dossier.applicant.title')}</h2>
<dl class="summary-list">
  <div><dt>${t('dossier.applicant.fullName')}</dt><dd>${a.fullName}</dd></div>
  <div><dt>${t('dossier.applicant.personalIdentifier')}</dt><dd>${a.personalIdentifier}</dd></div>
  <div><dt>${t('dossier.applicant.address')}</dt><dd>${a.address}</dd></div>
  <div><dt>${t('dossier.applicant.phone')}</dt><dd>${a.phone}</dd></div>
  ${a.email ? html`<div><dt>${t('dossier.applicant.email')}</dt><dd>${a.email}</dd></div>` : ''}
  ${a.proxy ? html`<div><dt>${t('dossier.applicant.proxyName')}</dt><dd>${a.proxy.fullName} (${a.proxy.authorisation})</dd></div>` : ''}
</dl>
${scanTable(ctx, d, `/ho-so/${encodeURIComponent(d.code)}`)}
${table({
  caption: t('dossier.timeline'),
  head: [t('dossier.time'), t('common.status')],
  rows: o.timeline.map((e) => [formatVietnamTime(e.at), dossierStatusLabel(e.status, locale)]),
})}
${d.status === 1 ? onlineDecisionForms(ctx, d, o.refusalError) : ''}
${o.workflow ?? ''}
${o.notifications ? notificationDeliveries(ctx, o.notifications) : ''}
${o.history ?? ''}
${certificationLink(ctx, d, `/ho-so/${encodeURIComponent(d.code)}/chung-thuc`)}
<p class="no-print">${
    d.status === 3
      ? html`<a class="button button--secondary" href="/ho-so/${encodeURIComponent(d.code)}/tu-choi">${t('intake.refusal.title')}</a>`
      : d.status === 1
        ? ''
        : html`<a class="button button--secondary" href="/ho-so/${encodeURIComponent(d.code)}/bien-nhan">${t('dossier.receipt')}</a>`
  }
<a href="/ho-so/tiep-nhan">${t('dossier.counter.next')}</a></p>`;
}

/** An online dossier awaiting acceptance: accept (BM.01 follows) or refuse with reasons (BM.03). */
function onlineDecisionForms(ctx: PageContext, d: Dossier, refusalError: string | undefined): SafeHtml {
  const { t } = ctx;
  const action = `/ho-so/${encodeURIComponent(d.code)}`;
  return html`<div class="no-print">
<h2>${t('intake.awaiting.decide')}</h2>
<p>${t('intake.awaiting.decideHint')}</p>
<form method="post" action="${action}/tiep-nhan">${csrfField(ctx)}${button(t('intake.awaiting.accept'))}</form>
<form method="post" action="${action}/tu-choi">
  ${csrfField(ctx)}
  ${refusalReasonsField(ctx, { error: refusalError })}
  ${button(t('dossier.refuseButton'), { variant: 'warning' })}
</form>
</div>`;
}
