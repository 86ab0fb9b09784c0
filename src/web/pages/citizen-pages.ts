import type { CitizenActor } from '../../modules/citizen-identity/citizen-actor.ts';
import type { CitizenSignInErrorCode } from '../../modules/citizen-identity/citizen-sign-in-error.ts';
import { notificationBanner } from '../components/content.ts';
import { csrfField } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

/** `/cong-dan` before sign-in: what VNeID sign-in is for, and the one button that starts it. */
export function citizenLandingPage(
  ctx: PageContext,
  options: { notice?: 'signedOut' | 'expired' | undefined; isBundledProvider: boolean; next?: string },
): SafeHtml {
  const { t } = ctx;
  return html`<div class="narrow">
${options.notice ? notificationBanner({ kind: 'info', title: t('citizen.landing.title'), body: t(options.notice === 'expired' ? 'citizen.landing.expired' : 'citizen.landing.signedOut') }) : ''}
<h1>${t('citizen.landing.title')}</h1>
<p class="lead">${t('citizen.landing.lead')}</p>
<p><a class="button button--primary" href="/cong-dan/dang-nhap${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}">${t('citizen.landing.signIn')}</a></p>
${options.isBundledProvider ? html`<p class="secondary-text">${t('citizen.landing.devNote')}</p>` : ''}
</div>`;
}

/** `/cong-dan` signed in: the citizen's dossiers (filled by intake) and the details the provider gave. */
export function citizenHomePage(ctx: PageContext, citizen: CitizenActor, dossiers: SafeHtml): SafeHtml {
  const { t } = ctx;
  const row = (label: string, value: string | null) =>
    html`<div><dt>${label}</dt><dd>${value ?? html`<span class="secondary-text">${t('citizen.page.none')}</span>`}</dd></div>`;
  return html`<h1>${t('citizen.page.greeting', { name: citizen.fullName })}</h1>
<h2>${t('citizen.page.dossiers')}</h2>
${dossiers}
<h2>${t('citizen.page.profile')}</h2>
<dl class="summary-list">
  ${row(t('citizen.page.fullName'), citizen.fullName)}
  ${row(t('citizen.page.personalIdentifier'), citizen.personalIdentifier)}
  ${row(t('citizen.page.phone'), citizen.phone)}
  ${row(t('citizen.page.email'), citizen.email)}
</dl>
<p class="secondary-text">${t('citizen.page.profileSource')}</p>
<form method="post" action="/cong-dan/dang-xuat">
  ${csrfField(ctx)}
  <button type="submit" class="button button--secondary">${t('citizen.signOut')}</button>
</form>`;
}

/** A refused sign-in callback: the precise reason, and a way to start again. */
export function citizenSignInFailedPage(ctx: PageContext, code: CitizenSignInErrorCode): SafeHtml {
  const { t } = ctx;
  return html`<div class="narrow">
<h1>${t('citizen.failed.title')}</h1>
<p class="lead" data-error-code="${code}">${t(`citizen.error.${code}`)}</p>
<p><a class="button button--primary" href="/cong-dan/dang-nhap">${t('citizen.failed.retry')}</a></p>
<p class="secondary-text">${t('errors.requestId', { requestId: ctx.requestId })}</p>
</div>`;
}
