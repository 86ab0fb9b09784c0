// The signer's own authenticator page (issue 5 §2, /ky-so/otp): set up a TOTP app (after a first start or
// after the unit administrator reset it for a lost phone) and confirm it with a first code.
import type { TotpStatus } from '../../modules/signing/get-totp-status.ts';
import { button, csrfField, errorSummary, textInput } from '../components/form.ts';
import { qrSvg } from '../components/receipt-page.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export function totpPage(
  ctx: PageContext,
  options: { status: TotpStatus; enrolment?: { secret: string; uri: string }; hasError?: boolean },
): SafeHtml {
  const { t } = ctx;
  const confirmForm = html`<form method="post" action="/ky-so/otp/xac-nhan" novalidate>
  ${csrfField(ctx)}
  ${textInput(ctx, { name: 'code', label: t('totp.code'), autocomplete: 'one-time-code', inputmode: 'numeric', width: 'third', isRequired: true, error: options.hasError ? 'OTPconfirm' : undefined })}
  ${button(t('totp.confirm'))}
</form>`;
  const body =
    options.status === 'confirmed'
      ? html`<p>${t('totp.confirmed')}</p>`
      : options.enrolment
        ? html`<p>${t('totp.scan')}</p>
${qrSvg(options.enrolment.uri, t('totp.qrLabel'))}
<p>${t('totp.secret')}: <code>${options.enrolment.secret}</code></p>
${confirmForm}`
        : options.status === 'pending'
          ? html`<p>${t('totp.pending')}</p>${confirmForm}
<form method="post" action="/ky-so/otp" novalidate>${csrfField(ctx)}${button(t('totp.start'), { variant: 'secondary' })}</form>`
          : html`<p>${t('totp.none')}</p>
<form method="post" action="/ky-so/otp" novalidate>${csrfField(ctx)}${button(t('totp.start'))}</form>`;
  return html`<h1>${t('totp.title')}</h1>
${options.hasError ? errorSummary(ctx, { fields: { code: 'OTPconfirm' }, labels: { code: t('totp.code') } }) : ''}
${body}`;
}
