import { notificationBanner } from '../components/content.ts';
import { button, csrfField, errorSummary, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export function signInPage(
  ctx: PageContext,
  options: { username?: string; error?: string; notice?: 'expired' | 'signedOut'; next?: string },
): SafeHtml {
  const { t } = ctx;
  return html`<div class="narrow">
${errorSummary(ctx, { message: options.error })}
${options.notice ? notificationBanner({ kind: 'info', title: t('signIn.title'), body: t(options.notice === 'expired' ? 'signIn.expired' : 'signIn.signedOut') }) : ''}
<h1>${t('signIn.title')}</h1>
<form method="post" action="/sign-in" novalidate>
  ${csrfField(ctx)}
  ${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
  ${textInput(ctx, { name: 'username', label: t('signIn.username'), value: options.username, autocomplete: 'username', isRequired: true, width: 'half', spellcheck: false })}
  ${textInput(ctx, { name: 'password', label: t('signIn.password'), type: 'password', autocomplete: 'current-password', isRequired: true, width: 'half' })}
  ${button(t('signIn.submit'))}
</form>
<p class="secondary-text">${t('signIn.help')}</p>
</div>`;
}
