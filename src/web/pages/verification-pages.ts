// Public verification pages (issue 5 §5): the upload form (/xac-minh) and a report of a signed PDF, in
// Vietnamese with English (the page's language): per signature the signer, the time, the verdict, the
// PAdES level, whether the document changed after it was signed, and the signer certificate's revocation.
import type {
  DocumentVerification,
  VerifiedSignature,
} from '../../modules/signature-requests/verify-signed-document.ts';
import { tag } from '../components/content.ts';
import { button, csrfField, errorSummary, type FieldErrors } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { dateTime } from './signature-request-pages.ts';

const VERDICT_COLOUR = { TOTAL_PASSED: 'green', TOTAL_FAILED: 'red', INDETERMINATE: 'yellow' } as const;

function uploadForm(
  ctx: PageContext,
  options: { action: string; errors?: FieldErrors; legend: string; intro: string },
): SafeHtml {
  const { t } = ctx;
  const error = options.errors?.file;
  return html`<form method="post" action="${options.action}" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <h2>${options.legend}</h2>
  <p>${options.intro}</p>
  <div class="form-group${error ? ' form-group--error' : ''}">
    <label class="label" for="file">${t('verify.file')}</label>
    <div class="hint" id="file-hint">${t('verify.fileHint')}</div>
    ${error ? html`<p class="error-message" id="file-error">${t(error === 'tooLarge' ? 'field.tooLarge' : error === 'noSignatures' ? 'field.noSignatures' : error === 'required' ? 'field.required' : 'field.pdfInvalid')}</p>` : ''}
    <input class="file-upload" type="file" id="file" name="file" accept="application/pdf" aria-describedby="file-hint${error ? ' file-error' : ''}">
  </div>
  ${button(t('verify.button'))}
</form>`;
}

export function verifyFormPage(
  ctx: PageContext,
  options: { errors?: FieldErrors; message?: string | undefined } = {},
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('verify.title')}</h1>
${errorSummary(ctx, { message: options.message, fields: options.errors ?? {}, labels: { file: t('verify.file') } })}
${uploadForm(ctx, { action: '/xac-minh', legend: t('verify.file'), intro: t('verify.intro'), ...(options.errors ? { errors: options.errors } : {}) })}`;
}

/** Revoked: when, and whether the signature (per its timestamp) came first; not checked: said so. */
function revocationText(ctx: PageContext, s: VerifiedSignature): string {
  const { t } = ctx;
  const r = s.revocation;
  if (!r || r.state === 'not-checked') {
    return t('verify.revocation.notChecked');
  }
  if (r.state === 'good') {
    return t('verify.revocation.good', { at: dateTime(r.checkedAt) });
  }
  const order =
    r.isSignedBefore === undefined ? 'noTimestamp' : r.isSignedBefore ? 'signedBefore' : 'signedAfter';
  return t(`verify.revocation.${order}`, { at: dateTime(r.revokedAt) });
}

function signatureBlock(ctx: PageContext, s: VerifiedSignature, n: number): SafeHtml {
  const { t } = ctx;
  const iso = s.timestampTime ?? s.claimedSigningTime;
  const item = (label: string, value: SafeHtml | string) =>
    html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const problems = [...s.problems, ...(s.cms?.problems ?? [])];
  return html`<h3>${t(s.kind === 'document-timestamp' ? 'verify.timestampN' : 'verify.signatureN', { n })}</h3>
<dl class="summary-list">
${item(t('verify.signer'), s.signer?.commonName ?? '?')}
${item(t('verify.time'), iso ? dateTime(new Date(iso)) : '?')}
${item(t('verify.validity'), tag(t(`verify.verdict.${s.verdict}`), VERDICT_COLOUR[s.verdict]))}
${s.kind === 'signature' ? item(t('verify.level'), s.level ?? '—') : ''}
${item(
  t('verify.changed'),
  s.modifications.disallowed.length === 0
    ? t('verify.unchanged')
    : t('verify.changedYes', { what: s.modifications.disallowed.join('; ') }),
)}
${s.kind === 'signature' ? item(t('verify.revocation'), revocationText(ctx, s)) : ''}
${problems.length > 0 ? item(t('verify.reasons'), html`<code>${problems.join(', ')}</code>`) : ''}
</dl>`;
}

export function verificationReport(ctx: PageContext, report: DocumentVerification): SafeHtml {
  const { t } = ctx;
  return html`<h2>${t('verify.resultTitle')}: ${tag(t(`verify.verdict.${report.verdict}`), VERDICT_COLOUR[report.verdict])}</h2>
${report.signatures.map((s, i) => signatureBlock(ctx, s, i + 1))}`;
}

export function verifyResultPage(
  ctx: PageContext,
  options: { report: DocumentVerification; sha256: string },
): SafeHtml {
  const { t } = ctx;
  return html`<p><a href="/xac-minh">${t('common.back')}</a></p>
<h1>${t('verify.title')}</h1>
${verificationReport(ctx, options.report)}
<p>${t('verify.fingerprint')}: <code>${options.sha256}</code></p>`;
}

export function publicVerificationPage(
  ctx: PageContext,
  options: {
    id: string;
    title: string;
    unitName: string;
    sha256: string;
    report: DocumentVerification;
    comparison?: 'same' | 'different' | undefined;
    errors?: FieldErrors;
  },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('verify.title')}</h1>
<p class="lead">${t('verify.issuedBy', { title: options.title, unit: options.unitName })}</p>
${
  options.comparison
    ? html`<div class="banner banner--${options.comparison === 'same' ? 'success' : 'info'}" role="alert"><p class="banner__title">${t(options.comparison === 'same' ? 'verify.same' : 'verify.different')}</p></div>`
    : ''
}
${verificationReport(ctx, options.report)}
<p>${t('verify.fingerprint')}: <code>${options.sha256}</code></p>
${uploadForm(ctx, { action: `/xac-minh/${options.id}`, legend: t('verify.compareTitle'), intro: t('verify.compareIntro'), ...(options.errors ? { errors: options.errors } : {}) })}`;
}
