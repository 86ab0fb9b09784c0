// A subject's history from the tamper-evident log (issue 4 §6), for the staff dossier page and the
// citizen's lookup: changes newest first, always all of them; reads (staff views) counted and the recent
// ones folded in a <details> (no JavaScript), so many views never push the decisive events out. Each
// event shows whether the log proves it and offers its offline proof (C2SP tlog-proof).
import type { HistoryEntry, HistoryMark } from '../../modules/audit-log/read-subject-history.ts';
import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import { isMessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from '../pages/dossier-format.ts';
import { table, tag } from './content.ts';
import { csrfField } from './form.ts';

export interface AuditHistoryEntry extends HistoryEntry {
  /** Name and title of the staff member who acted; given to staff viewers only. */
  readonly staff?: { readonly fullName: string; readonly title: string } | undefined;
}

export interface AuditHistoryView {
  readonly changes: readonly AuditHistoryEntry[];
  readonly reads: readonly AuditHistoryEntry[];
  readonly readCount: number;
}

const MARKS: Record<
  HistoryMark,
  {
    key: 'audit.history.verified' | 'audit.history.pending' | 'audit.history.failed';
    colour: 'green' | 'yellow' | 'red';
  }
> = {
  verified: { key: 'audit.history.verified', colour: 'green' },
  pending: { key: 'audit.history.pending', colour: 'yellow' },
  failed: { key: 'audit.history.failed', colour: 'red' },
};

function actionText(ctx: PageContext, e: AuditHistoryEntry): HtmlValue {
  const view = `audit.history.view.${e.view}`;
  if (e.view && isMessageKey(view)) {
    return ctx.t(view);
  }
  const key = `audit.history.action.${e.action}`;
  return isMessageKey(key) ? ctx.t(key) : html`<code>${e.action}</code>`;
}

function actorText(ctx: PageContext, e: AuditHistoryEntry): string {
  if (e.staff) {
    return e.staff.title ? `${e.staff.fullName} (${e.staff.title})` : e.staff.fullName;
  }
  return ctx.t(`audit.history.actor.${e.actorType}`);
}

export function auditHistory(
  ctx: PageContext,
  o: {
    history: AuditHistoryView;
    /** The download of one event's offline proof: a link (staff) or a small form (citizen lookup). */
    proof: (seq: number) => HtmlValue;
  },
): SafeHtml {
  const { t } = ctx;
  const head = [
    t('audit.history.time'),
    t('audit.history.action'),
    t('audit.history.actor'),
    t('audit.history.check'),
    t('audit.history.proof'),
  ];
  const rows = (entries: readonly AuditHistoryEntry[]) =>
    entries.map((e) => [
      formatVietnamTime(e.occurredAt),
      actionText(ctx, e),
      actorText(ctx, e),
      tag(t(MARKS[e.mark].key), MARKS[e.mark].colour),
      e.mark === 'pending' || e.seq === null ? t('audit.history.pendingProof') : o.proof(e.seq),
    ]);
  const { changes, reads, readCount } = o.history;
  return html`<section class="audit-history" aria-labelledby="audit-history-title">
<h2 id="audit-history-title">${t('audit.history.title')}</h2>
<p>${t('audit.history.lead')}</p>
${changes.length === 0 ? html`<p>${t('audit.history.none')}</p>` : table({ caption: t('audit.history.changes'), head, rows: rows(changes) })}
${
  readCount > 0
    ? html`<details class="details">
<summary>${t('audit.history.reads', { count: readCount })}</summary>
${table({ caption: t('audit.history.readsCaption', { shown: reads.length, count: readCount }), head, rows: rows(reads) })}
</details>`
    : ''
}
<p class="no-print"><a href="/log/verifier-key">${t('audit.history.key')}</a> · <a href="/log/checkpoint">${t('audit.history.checkpoint')}</a></p>
</section>`;
}

/** The visible text of a proof download with the event number for screen readers. */
export function proofLabel(ctx: PageContext, seq: number): SafeHtml {
  return html`${ctx.t('audit.history.download')}<span class="visually-hidden"> ${ctx.t('audit.history.downloadOf', { seq })}</span>`;
}

/**
 * The applicant's download of one event's proof: a POST form repeating the lookup check, so the phone
 * digits stay out of URLs and logs (the page itself is never cached).
 */
export function lookupProofForm(ctx: PageContext, lookup: { code: string; phone: string }) {
  return (seq: number): SafeHtml =>
    html`<form method="post" action="/tra-cuu/nhat-ky" class="no-print">${csrfField(ctx)}
<input type="hidden" name="code" value="${lookup.code}">${lookup.phone ? html`<input type="hidden" name="phone" value="${lookup.phone}">` : ''}
<input type="hidden" name="seq" value="${seq}">
<button type="submit" class="button button--secondary">${proofLabel(ctx, seq)}</button></form>`;
}
