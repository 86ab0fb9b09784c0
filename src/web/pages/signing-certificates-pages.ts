// Certificate list and detail pages for unit administrators (issue 5 §1): holder, kind, validity with
// an expiry warning, status (active, locked, revoked, superseded) and the certificate's subject fields.
import type { CertificateSummary } from '../../lib/pki/index.ts';
import type { CredentialRow } from '../../modules/signing/list-unit-credentials.ts';
import { table, tag } from '../components/content.ts';
import { button, csrfField } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

const date = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

function statusTag(ctx: PageContext, row: CredentialRow): SafeHtml {
  const c = row.credential;
  if (c.status === 'revoked') {
    return tag(ctx.t('certificates.revoked'), 'red');
  }
  if (c.status === 'superseded') {
    return tag(ctx.t('certificates.superseded'), 'grey');
  }
  if (c.locked_at) {
    return tag(ctx.t('certificates.locked'), 'red');
  }
  if (row.isExpiringSoon) {
    return tag(ctx.t('certificates.expiringSoon', { date: date(c.not_after) }), 'yellow');
  }
  return tag(ctx.t('certificates.active'), 'green');
}

export function certificateListPage(ctx: PageContext, options: { rows: readonly CredentialRow[] }): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('certificates.title')}</h1>
<p>${t('certificates.intro')}</p>
${
  options.rows.length === 0
    ? html`<p>${t('certificates.none')}</p>`
    : table({
        head: [
          t('certificates.holder'),
          t('certificates.kind'),
          t('certificates.unit'),
          t('certificates.validTo'),
          t('common.status'),
        ],
        rows: options.rows.map((r) => [
          html`<a href="/admin/certificates/${r.credential.id}">${r.holderName}</a>`,
          t(r.credential.kind === 'seal' ? 'certificates.kind.seal' : 'certificates.kind.personal'),
          r.unitName,
          date(r.credential.not_after),
          statusTag(ctx, r),
        ]),
      })
}`;
}

export function certificateDetailPage(
  ctx: PageContext,
  options: { row: CredentialRow; summary: CertificateSummary },
): SafeHtml {
  const { t } = ctx;
  const { row, summary } = options;
  const c = row.credential;
  const item = (label: string, value: SafeHtml | string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<p><a href="/admin/certificates">${t('common.back')}</a></p>
<h1>${summary.subject.CN ?? row.holderName}</h1>
<dl class="summary">
${item(t('common.status'), statusTag(ctx, row))}
${item(t('certificates.holder'), row.holderName)}
${item(t('certificates.kind'), t(c.kind === 'seal' ? 'certificates.kind.seal' : 'certificates.kind.personal'))}
${item(t('certificates.subject'), summary.subjectFields.map(([k, v]) => `${k}=${v}`).join(', '))}
${item(t('certificates.issuer'), summary.issuer.CN ?? '')}
${item(t('certificates.serial'), summary.serialNumber)}
${item(t('certificates.validFrom'), date(summary.notBefore))}
${item(t('certificates.validTo'), date(summary.notAfter))}
${item(t('certificates.key'), summary.publicKey)}
${item(t('certificates.fingerprint'), html`<code>${summary.fingerprint}</code>`)}
${item(t('certificates.failedAttempts'), String(c.failed_pins))}
</dl>
<h2>${t('certificates.resetTotp')}</h2>
<p class="hint">${t('certificates.resetTotpHint')}</p>
<form method="post" action="/admin/certificates/${c.id}/dat-lai-otp">${csrfField(ctx)}${button(t('certificates.resetTotp'), { variant: 'warning' })}</form>`;
}
