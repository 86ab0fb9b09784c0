import type { getAuditLogStatus } from '../../modules/audit-log/get-audit-log-status.ts';
import type { SequencedAuditEvent } from '../../modules/audit-log/list-audit-events.ts';
import { notificationBanner, table, tag } from '../components/content.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export const AUDIT_PAGE_SIZE = 50;

/** The auditor's view of the tamper-evident log: its signed state, then the events, oldest first. */
export function auditLogPage(
  ctx: PageContext,
  view: {
    status: Awaited<ReturnType<typeof getAuditLogStatus>>;
    events: readonly SequencedAuditEvent[];
    from: number;
  },
): SafeHtml {
  const { t } = ctx;
  const { status, events } = view;
  const checkpoint = status.checkpoint;
  const last = events.at(-1);
  return html`<h1>${t('audit.title')}</h1>
<p class="lead">${t('audit.lead')}</p>
${notificationBanner({
  kind: 'info',
  title: t('audit.checkpoint'),
  body: checkpoint
    ? html`<p>${t('audit.checkpointBody', { size: checkpoint.size, events: status.events })}</p>
${status.pending > 0 ? html`<p>${t('audit.pendingEvents', { pending: status.pending })}</p>` : ''}
<p><code>${checkpoint.rootHash}</code></p>
<p>${status.witnesses.length > 0 ? tag(t('audit.witnessed', { witnesses: status.witnesses.join(', ') }), 'green') : tag(t('audit.notWitnessed'), 'grey')}</p>
<p><a href="/log/checkpoint">/log/checkpoint</a> · <a href="/log/verifier-key">/log/verifier-key</a></p>`
    : html`<p>${t('audit.noCheckpoint')}</p>`,
})}
<p>${t('audit.exportAll')} <a href="/audit/export" download>${t('audit.export')}</a> · <a href="/audit/export?format=csv" download>${t('audit.exportCsv')}</a></p>
${
  events.length === 0
    ? html`<p>${t('audit.none')}</p>`
    : table({
        caption: t('audit.events'),
        head: [
          t('audit.seq'),
          t('audit.time'),
          t('audit.action'),
          t('audit.actor'),
          t('audit.subject'),
          t('audit.proof'),
        ],
        rows: events.map((e) => [
          String(e.seq),
          new Date(e.occurred_at).toISOString(),
          html`<code>${e.action}</code>`,
          `${e.actor_type}${e.actor_id ? ` ${e.actor_id.slice(0, 8)}` : ''}`,
          `${e.subject_type}${e.subject_id ? ` ${e.subject_id.slice(0, 8)}` : ''}`,
          checkpoint && e.seq < checkpoint.size
            ? html`<a href="/api/v1/audit/events/${e.seq}/proof" download>${t('audit.download')}</a>`
            : tag(t('audit.pending'), 'yellow'),
        ]),
      })
}
${last && events.length === AUDIT_PAGE_SIZE ? html`<p><a href="/audit?from=${last.seq + 1}">${t('audit.next')}</a></p>` : ''}`;
}
