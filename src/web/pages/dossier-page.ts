// One dossier for the staff of its unit, printable (the print stylesheet hides navigation and buttons).

import type { Dossier, DossierStatusEvent } from '../../modules/dossiers/dossier.table.ts';
import { dossierStatusLabel } from '../../modules/dossiers/dossier-status.ts';
import { notificationBanner, table } from '../components/content.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatMoney } from './catalogue-format.ts';
import { formatVietnamTime } from './dossier-format.ts';

export function dossierPage(
  ctx: PageContext,
  o: {
    dossier: Dossier;
    timeline: readonly DossierStatusEvent[];
    unitName: string;
    isJustReceived: boolean;
    /** The processing section (issue 7, src/web/pages/workflow-pages.ts). */
    workflow?: SafeHtml;
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
  <div><dt>${t('dossier.receivedAt')}</dt><dd>${formatVietnamTime(d.received_at)}</dd></div>
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
${table({
  caption: t('dossier.documents'),
  head: ['#', t('dossier.documentName'), t('dossier.files')],
  rows: d.documents.map((doc, i) => [
    String(i + 1),
    doc.name,
    doc.files.length === 0
      ? '—'
      : doc.files
          .map((f) => `${f.mediaType.split('/')[1]?.toUpperCase()} ${Math.ceil(f.size / 1024)} KB`)
          .join(', '),
  ]),
})}
${table({
  caption: t('dossier.timeline'),
  head: [t('dossier.time'), t('common.status')],
  rows: o.timeline.map((e) => [formatVietnamTime(e.at), dossierStatusLabel(e.status, locale)]),
})}
${o.workflow ?? ''}
<p class="no-print"><a class="button button--secondary" href="/ho-so/${encodeURIComponent(d.code)}/bien-nhan">${t('dossier.receipt')}</a>
<a href="/ho-so/tiep-nhan">${t('dossier.counter.next')}</a></p>`;
}
