import { html, type SafeHtml } from '../html.ts';
import { isMessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../page-context.ts';

/** Field errors as message keys (`field.*`), keyed by input name. */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldMessage(ctx: PageContext, code: string): string {
  const key = `field.${code}`;
  return ctx.t(isMessageKey(key) ? key : 'field.required');
}

export function csrfField(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">`;
}

/** GOV.UK-style error summary: focused on load by the browser (autofocus), links to each field. */
export function errorSummary(
  ctx: PageContext,
  options: { message?: string; fields?: FieldErrors; labels?: Record<string, string> },
): SafeHtml {
  const fields = Object.entries(options.fields ?? {});
  if (!options.message && fields.length === 0) {
    return html``;
  }
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
  <h2 class="error-summary__title" id="error-summary-title">${ctx.t('errors.summaryTitle')}</h2>
  <ul class="error-summary__list">
    ${options.message ? html`<li>${options.message}</li>` : ''}
    ${fields.map(([name, code]) => html`<li><a href="#${name}">${options.labels?.[name] ? `${options.labels[name]}: ` : ''}${fieldMessage(ctx, code)}</a></li>`)}
  </ul>
</div>`;
}

export interface InputOptions {
  readonly name: string;
  readonly label: string;
  readonly value?: string | null;
  readonly type?: 'text' | 'password' | 'email' | 'tel';
  readonly autocomplete?: string;
  readonly hint?: string;
  readonly error?: string;
  readonly isRequired?: boolean;
  readonly width?: 'full' | 'half' | 'third';
  readonly inputmode?: string;
  readonly spellcheck?: boolean;
}

export function textInput(ctx: PageContext, o: InputOptions): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
  <label class="label" for="${o.name}">${o.label}${o.isRequired ? '' : html` <span class="label__optional">(${ctx.t('common.optional')})</span>`}</label>
  ${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}
  ${o.error ? html`<p class="error-message" id="${o.name}-error"><span class="visually-hidden">${ctx.t('errors.pageTitle')}:</span> ${fieldMessage(ctx, o.error)}</p>` : ''}
  <input class="input input--${o.width ?? 'full'}${o.error ? ' input--error' : ''}" id="${o.name}" name="${o.name}" type="${o.type ?? 'text'}"
    value="${o.type === 'password' ? '' : (o.value ?? '')}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.isRequired ? html` required` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.spellcheck === false ? html` spellcheck="false"` : ''}>
</div>`;
}

export function select(
  ctx: PageContext,
  o: {
    name: string;
    label: string;
    options: readonly { value: string; label: string }[];
    value?: string;
    error?: string;
  },
): SafeHtml {
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
  <label class="label" for="${o.name}">${o.label}</label>
  ${o.error ? html`<p class="error-message" id="${o.name}-error">${fieldMessage(ctx, o.error)}</p>` : ''}
  <select class="select" id="${o.name}" name="${o.name}"${o.error ? html` aria-describedby="${o.name}-error" aria-invalid="true"` : ''}>
    ${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === o.value ? html` selected` : ''}>${opt.label}</option>`)}
  </select>
</div>`;
}

export function button(
  label: string,
  options: { variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string } = {},
): SafeHtml {
  return html`<button type="submit" class="button button--${options.variant ?? 'primary'}"${options.name ? html` name="${options.name}" value="${options.value ?? ''}"` : ''}>${label}</button>`;
}
