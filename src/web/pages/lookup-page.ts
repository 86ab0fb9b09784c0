// Public lookup (issue 6 §5): a dossier code and the last 4 digits of the applicant's phone; no personal data.
import { dossierStatusLabel } from '../../modules/dossiers/dossier-status.ts';
import type { CitizenDossierSummary } from '../../modules/dossiers/list-citizen-dossiers.ts';
import type { PublicDossierView } from '../../modules/dossiers/lookup-dossier.ts';
import { table } from '../components/content.ts';
import { button, csrfField, errorSummary, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

export function lookupPage(
  ctx: PageContext,
  o: {
    code: string;
    isNotFound?: boolean;
    view?: PublicDossierView | undefined;
    isSignedInCitizen: boolean;
    ownDossiers?: readonly CitizenDossierSummary[];
    /** The audit-log history section (web/components/audit-history.ts), without staff names. */
    history?: SafeHtml | undefined;
    /** results (issue 7 §2): the sealed result is ready; the phone digits the visitor typed (or none, signed in). */
    result?: { readonly phone: string } | undefined;
  },
): SafeHtml {
  const { t, locale } = ctx;
  const view = o.view;
  return html`<h1>${t('lookup.title')}</h1>
${o.isNotFound ? errorSummary(ctx, { message: t('lookup.notFound') }) : ''}
${
  view
    ? html`<h2>${t('dossier.title')} ${view.code}</h2>
<p class="lead">${view.procedureName}</p>
<dl class="summary-list">
  <div><dt>${t('common.status')}</dt><dd><strong>${view.statusLabel[locale]}</strong></dd></div>
  <div><dt>${t(view.status === 1 ? 'intake.online.submittedAt' : 'dossier.receivedAt')}</dt><dd>${formatVietnamTime(view.receivedAt)}</dd></div>
  ${view.dueAt ? html`<div><dt>${t('dossier.dueAt')}</dt><dd><strong>${formatVietnamTime(view.dueAt)}</strong></dd></div>` : ''}
  ${view.derivation ? html`<div><dt>${t('dossier.derivation')}</dt><dd>${view.derivation[locale]}</dd></div>` : ''}
</dl>
${view.status === 5 ? html`<p><a class="button" href="/cong-dan/ho-so/${encodeURIComponent(view.code)}/bo-sung">${t('workflow.supply.link')}</a></p>` : ''}
${o.result ? resultDownload(ctx, view.code, o.result.phone) : ''}
${table({
  caption: t('dossier.timeline'),
  head: [t('dossier.time'), t('common.status')],
  rows: view.timeline.map((e) => [formatVietnamTime(e.at), e.label[locale]]),
})}
${o.history ?? ''}`
    : ''
}
<form method="post" action="/tra-cuu" class="no-print" novalidate>
  ${csrfField(ctx)}
  ${textInput(ctx, { name: 'code', label: t('lookup.code'), value: o.code, isRequired: true, hint: t('lookup.codeHint'), spellcheck: false, autocomplete: 'off' })}
  ${textInput(ctx, { name: 'phone', label: t('lookup.phone'), isRequired: !o.isSignedInCitizen, inputmode: 'numeric', width: 'third', hint: t(o.isSignedInCitizen ? 'lookup.phoneHintCitizen' : 'lookup.phoneHint'), autocomplete: 'off' })}
  ${button(t('lookup.submit'))}
</form>
${
  o.ownDossiers && o.ownDossiers.length > 0
    ? table({
        caption: t('lookup.yours'),
        head: [
          t('lookup.code'),
          t('dossier.procedure'),
          t('dossier.receivedAt'),
          t('dossier.dueAt'),
          t('common.status'),
        ],
        rows: o.ownDossiers.map((d) => [
          html`<a href="/tra-cuu?code=${encodeURIComponent(d.code)}">${d.code}</a>`,
          d.procedureName,
          formatVietnamTime(d.receivedAt),
          d.dueAt ? formatVietnamTime(d.dueAt) : '—',
          dossierStatusLabel(d.status, locale),
        ]),
      })
    : ''
}`;
}

/** results (issue 7 §2): the signed result, by a link when signed in, else by a form that re-posts the digits. */
function resultDownload(ctx: PageContext, code: string, phone: string): SafeHtml {
  const { t } = ctx;
  return phone
    ? html`<form method="post" action="/tra-cuu/ket-qua.pdf" class="no-print">
  ${csrfField(ctx)}
  <input type="hidden" name="code" value="${code}">
  <input type="hidden" name="phone" value="${phone}">
  <p>${t('workflow.results.downloadHint')}</p>
  ${button(t('workflow.results.download'))}
</form>`
    : html`<p>${t('workflow.results.downloadHint')}</p>
<p><a class="button" href="/cong-dan/ho-so/${encodeURIComponent(code)}/ket-qua.pdf">${t('workflow.results.download')}</a></p>`;
}
