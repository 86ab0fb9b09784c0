// The delivery state of citizens' messages (issue 7 §6), on the dossier page and the /thong-bao page.

import { canAnywhere } from '../../modules/identity/permissions.ts';
import type { NotificationOutboxRow } from '../../modules/notifications/notification.table.ts';
import { maskPhone } from '../../modules/notifications/sms-channel.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from '../pages/dossier-format.ts';
import { table, tag } from './content.ts';
import { csrfField } from './form.ts';

const STATUS_COLOURS = {
  pending: 'yellow',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  skipped: 'grey',
} as const;

/** An address with most of its local part hidden: staff see which address, not the whole of it. */
export function maskRecipient(row: Pick<NotificationOutboxRow, 'channel' | 'recipient'>): string {
  if (row.channel === 'sms') {
    return maskPhone(row.recipient);
  }
  const [local = '', domain = ''] = row.recipient.split('@');
  return `${local.slice(0, 2)}***@${domain}`;
}

/** The resend button of a failed or skipped message (the use case checks the right on the unit). */
function resendForm(ctx: PageContext, row: NotificationOutboxRow, from: 'dossier' | 'list'): SafeHtml | '' {
  if (
    !(row.status === 'failed' || row.status === 'skipped') ||
    !ctx.actor ||
    !canAnywhere(ctx.actor, 'notification.resend')
  ) {
    return '';
  }
  return html` <form method="post" action="/thong-bao/${row.id}/gui-lai" class="inline-form no-print">${csrfField(ctx)}<input type="hidden" name="from" value="${from}"><button type="submit" class="link-button">${ctx.t('notifications.resend')}</button></form>`;
}

export function deliveryCells(
  ctx: PageContext,
  row: NotificationOutboxRow,
  from: 'dossier' | 'list',
): (string | SafeHtml)[] {
  const { t } = ctx;
  const note =
    row.status === 'pending' && row.attempts > 0
      ? t('notifications.nextAttempt', { time: formatVietnamTime(row.next_attempt_at) })
      : (row.last_error ?? '');
  return [
    t(`notifications.kind.${row.kind}`),
    t(`notifications.channel.${row.channel}`),
    maskRecipient(row),
    tag(t(`notifications.status.${row.status}`), STATUS_COLOURS[row.status]),
    String(row.attempts),
    html`${note ? html`<span class="secondary-text">${note}</span>` : ''}${resendForm(ctx, row, from)}`,
  ];
}

export function deliveryHead(ctx: PageContext): string[] {
  const { t } = ctx;
  return [
    t('notifications.kind'),
    t('notifications.channel'),
    t('notifications.recipient'),
    t('notifications.state'),
    t('notifications.attempts'),
    t('notifications.detail'),
  ];
}

/** The dossier page's section: every message about this dossier, newest first. */
export function notificationDeliveries(ctx: PageContext, rows: readonly NotificationOutboxRow[]): SafeHtml {
  if (rows.length === 0) {
    return html`<h2>${ctx.t('notifications.deliveries')}</h2><p>${ctx.t('notifications.none')}</p>`;
  }
  return table({
    caption: ctx.t('notifications.deliveries'),
    head: [ctx.t('notifications.time'), ...deliveryHead(ctx)],
    rows: rows.map((row) => [formatVietnamTime(row.event_at), ...deliveryCells(ctx, row, 'dossier')]),
  });
}
