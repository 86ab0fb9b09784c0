import type { DemoCitizen } from '../../modules/demo/demo-citizens.ts';
import { notificationBanner } from '../components/content.ts';
import { csrfField } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

/**
 * The bundled development provider's login page: pick a demo citizen (DEVELOPMENT ONLY). Reached from the
 * kiosk (`display=touch`), it has the kiosk's large touch targets.
 */
export function citizenDevLoginPage(
  ctx: PageContext,
  options: { uid: string; citizens: readonly DemoCitizen[]; isTouch: boolean },
): SafeHtml {
  const { t } = ctx;
  return html`<div class="narrow${options.isTouch ? ' kiosk' : ''}">
${notificationBanner({ kind: 'info', title: t('citizen.dev.title'), body: t('citizen.dev.warning') })}
<h1>${t('citizen.dev.title')}</h1>
<p class="lead">${t('citizen.dev.lead')}</p>
<form method="post" action="/dev-oidc/interaction/${options.uid}">
  ${csrfField(ctx)}
  <h2>${t('citizen.dev.citizens')}</h2>
  <ul class="cards">
    ${options.citizens.map(
      (c) => html`<li class="card">
      <button type="submit" class="button button--secondary" name="sub" value="${c.sub}">${t('citizen.dev.signInAs', { name: c.name })}</button>
      <p class="secondary-text">${t('citizen.dev.details', { id: c.personalIdentifier, birthdate: c.birthdate })}</p>
    </li>`,
    )}
  </ul>
  <button type="submit" class="button button--warning" name="action" value="cancel">${t('citizen.dev.cancel')}</button>
</form>
</div>`;
}
