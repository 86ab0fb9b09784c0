// The kiosk's own pages (issue 6 §3 "Kiosk"): large touch targets (the `kiosk` class of the layout), look
// up without login by scanning the receipt's QR code, and sign in to submit.
import type { PublicDossierView } from '../../modules/dossiers/lookup-dossier.ts';
import { table } from '../components/content.ts';
import { button, csrfField, errorSummary, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

/** Step 1 of the lookup: the code field a QR scanner types into (and, with JavaScript, the camera). */
function scanForm(ctx: PageContext, code = ''): SafeHtml {
  const { t } = ctx;
  return html`<form method="post" action="/kiosk/tra-cuu" class="kiosk-scan" novalidate>
  ${csrfField(ctx)}
  ${textInput(ctx, { name: 'code', label: t('intake.kiosk.scanLabel'), value: code, isRequired: true, hint: t('intake.kiosk.scanHint'), spellcheck: false, autocomplete: 'off' })}
  <div class="button-group">
    ${button(t('lookup.submit'))}
    <button type="button" class="button button--secondary" data-kiosk-camera hidden>${t('intake.kiosk.camera')}</button>
  </div>
  <video class="kiosk-camera" data-kiosk-video hidden muted playsinline></video>
</form>`;
}

export function kioskHomePage(
  ctx: PageContext,
  o: { citizenName?: string | undefined; own?: SafeHtml | undefined },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('intake.kiosk.title')}</h1>
<p class="lead">${t('intake.kiosk.lead')}</p>
<h2>${t('lookup.title')}</h2>
${scanForm(ctx)}
<h2>${t('intake.online.title')}</h2>
${
  o.citizenName
    ? html`<p>${t('citizen.page.greeting', { name: o.citizenName })}</p>
${o.own ?? ''}
${finishForm(ctx)}`
    : html`<p>${t('intake.kiosk.signInHint')}</p>
<p><a class="button button--primary" href="/cong-dan/dang-nhap?next=${encodeURIComponent('/kiosk/nop-ho-so')}">${t('citizen.landing.signIn')}</a></p>`
}`;
}

/** Ends the citizen's session at the kiosk (POST: no cross-site GET can sign anyone out). */
export function finishForm(ctx: PageContext): SafeHtml {
  return html`<form method="post" action="/kiosk/ket-thuc" data-kiosk-finish>
  ${csrfField(ctx)}
  ${button(ctx.t('intake.kiosk.finish'), { variant: 'secondary' })}
</form>`;
}

/** Step 2 (the phone digits) or the result, with a way back to scanning. */
export function kioskLookupPage(
  ctx: PageContext,
  o: { code: string; view?: PublicDossierView; isNotFound?: boolean },
): SafeHtml {
  const { t, locale } = ctx;
  const view = o.view;
  if (view) {
    return html`<h1>${t('dossier.title')} ${view.code}</h1>
<p class="lead">${view.procedureName}</p>
<dl class="summary-list">
  <div><dt>${t('common.status')}</dt><dd><strong>${view.statusLabel[locale]}</strong></dd></div>
  <div><dt>${t(view.status === 1 ? 'intake.online.submittedAt' : 'dossier.receivedAt')}</dt><dd>${formatVietnamTime(view.receivedAt)}</dd></div>
  ${view.dueAt ? html`<div><dt>${t('dossier.dueAt')}</dt><dd><strong>${formatVietnamTime(view.dueAt)}</strong></dd></div>` : ''}
</dl>
${table({
  caption: t('dossier.timeline'),
  head: [t('dossier.time'), t('common.status')],
  rows: view.timeline.map((e) => [formatVietnamTime(e.at), e.label[locale]]),
})}
<p class="no-print">${kioskPrintButton(ctx)}<a class="button button--secondary" href="/kiosk">${t('intake.kiosk.again')}</a></p>`;
  }
  return html`<h1>${t('lookup.title')}</h1>
${o.isNotFound ? errorSummary(ctx, { message: t('lookup.notFound') }) : ''}
<form method="post" action="/kiosk/tra-cuu" novalidate>
  ${csrfField(ctx)}
  ${textInput(ctx, { name: 'code', label: t('lookup.code'), value: o.code, isRequired: true, spellcheck: false, autocomplete: 'off' })}
  ${textInput(ctx, { name: 'phone', label: t('lookup.phone'), isRequired: true, inputmode: 'numeric', width: 'third', hint: t('lookup.phoneHint'), autocomplete: 'off' })}
  ${button(t('lookup.submit'))}
</form>
<p><a href="/kiosk">${t('intake.kiosk.again')}</a></p>`;
}

/** A print button for the kiosk's printer, shown by the kiosk script (printing needs it). */
export function kioskPrintButton(ctx: PageContext): SafeHtml {
  return html`<button type="button" class="button" data-kiosk-print hidden>${ctx.t('intake.kiosk.print')}</button>`;
}
