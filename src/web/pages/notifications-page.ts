// /thong-bao: the unit's citizen notifications and their delivery state (issue 7 §6).
import type { UnitNotifications } from '../../modules/notifications/list-unit-notifications.ts';
import { DELIVERY_STATUSES } from '../../modules/notifications/list-unit-notifications.ts';
import { table } from '../components/content.ts';
import { button, select } from '../components/form.ts';
import { deliveryCells, deliveryHead } from '../components/notification-deliveries.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

export function notificationsPage(ctx: PageContext, view: UnitNotifications & { status: string }): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('notifications.title')}</h1>
<p class="lead">${t('notifications.lead')}</p>
<form method="get" action="/thong-bao" class="no-print">
  ${select(ctx, {
    name: 'unit',
    label: t('notifications.unit'),
    options: view.units.map((u) => ({ value: u.id, label: u.name })),
    value: view.unit.id,
  })}
  ${select(ctx, {
    name: 'status',
    label: t('notifications.filterStatus'),
    options: [
      { value: '', label: t('notifications.allStatuses') },
      ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`notifications.status.${s}`) })),
    ],
    value: view.status,
  })}
  ${button(t('notifications.filter'), { variant: 'secondary' })}
</form>
<h2>${view.unit.name}</h2>
<dl class="summary-list" aria-label="${t('notifications.counts')}">
  ${DELIVERY_STATUSES.map((s) => html`<div><dt>${t(`notifications.status.${s}`)}</dt><dd>${String(view.counts[s])}</dd></div>`)}
</dl>
${
  view.rows.length === 0
    ? html`<p>${t('notifications.none')}</p>`
    : html`<p>${t('notifications.latest', { count: view.rows.length })}</p>
${table({
  caption: t('notifications.title'),
  head: [t('notifications.time'), t('notifications.dossier'), ...deliveryHead(ctx)],
  rows: view.rows.map((row) => [
    formatVietnamTime(row.event_at),
    html`<a href="/ho-so/${encodeURIComponent(row.code)}">${row.code}</a>`,
    ...deliveryCells(ctx, row, 'list'),
  ]),
})}`
}`;
}
