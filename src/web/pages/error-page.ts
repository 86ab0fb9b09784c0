import type { AppError } from '../../platform/errors.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export function errorMessage(ctx: PageContext, error: AppError): string {
  return ctx.t(`errors.${error.code}`, {
    requestId: ctx.requestId,
    minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60),
    seconds: error.retryAfterSeconds ?? 60,
  });
}

export function errorPage(ctx: PageContext, error: AppError): SafeHtml {
  return html`<h1>${ctx.t('errors.pageTitle')} ${error.status}</h1>
<p class="lead">${errorMessage(ctx, error)}</p>
<p class="secondary-text">${ctx.t('errors.requestId', { requestId: ctx.requestId })}</p>
<p><a href="/">${ctx.t('nav.home')}</a></p>`;
}
