// The certification pages (issue 7 §3): the electronic register of a month (printable), the officer's page
// of a certification dossier (its papers and the certify form), and the citizen's certified copies.

import type { Certification } from '../../modules/certification/certification.table.ts';
import {
  type CertificationKind,
  certificationKindOf,
} from '../../modules/certification/certification-kind.ts';
import type {
  DossierCertifications,
  DossierPaper,
} from '../../modules/certification/get-dossier-certifications.ts';
import type { RegisterEntry } from '../../modules/certification/list-certification-register.ts';
import type { Dossier } from '../../modules/dossiers/dossier.table.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { notificationBanner, table, tag } from '../components/content.ts';
import {
  button,
  csrfField,
  errorSummary,
  type FieldErrors,
  fieldMessage,
  select,
  textInput,
} from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatVietnamTime } from './dossier-format.ts';

const enc = encodeURIComponent;
const vnd = new Intl.NumberFormat('vi-VN');

/** The register's kinds as they appear in the address (`?loai=`). */
export const KIND_PARAM: Readonly<Record<CertificationKind, string>> = {
  copy: 'ban-sao',
  signature: 'chu-ky',
};

function stateTag(ctx: PageContext, c: Certification, requestState?: string): SafeHtml {
  if (c.state !== 'completed' && (requestState === 'returned' || requestState === 'cancelled')) {
    return tag(ctx.t(`certification.state.${requestState}`), 'red');
  }
  return tag(ctx.t(`certification.state.${c.state}`), c.state === 'completed' ? 'green' : 'yellow');
}

export function registerPage(
  ctx: PageContext,
  o: {
    unit: Unit;
    units: readonly Unit[];
    kind: CertificationKind;
    month: string;
    entries: readonly RegisterEntry[];
    error?: string | undefined;
  },
): SafeHtml {
  const { t } = ctx;
  const kindLabel = t(`certification.kind.${o.kind}`);
  const head = [
    t('certification.col.number'),
    t('certification.col.date'),
    t('certification.col.requester'),
    t('certification.col.paper'),
    t('certification.col.copies'),
    t('certification.col.pages'),
    t('certification.col.fee'),
    t('certification.col.signer'),
    t('certification.col.officer'),
    t('certification.col.dossier'),
    t('certification.col.state'),
  ];
  return html`<h1>${t('certification.title')}</h1>
<p class="lead">${t('certification.registerLead', { kind: kindLabel, unit: o.unit.name, month: o.month })}</p>
${o.error ? errorSummary(ctx, { fields: { thang: o.error }, labels: { thang: t('certification.month') } }) : ''}
<form method="get" action="/chung-thuc" class="no-print">
  ${o.units.length > 1 ? select(ctx, { name: 'unit', label: t('certification.unit'), options: o.units.map((u) => ({ value: u.id, label: u.name })), value: o.unit.id }) : ''}
  ${select(ctx, {
    name: 'loai',
    label: t('certification.kind'),
    options: (['copy', 'signature'] as const).map((k) => ({
      value: KIND_PARAM[k],
      label: t(`certification.kind.${k}`),
    })),
    value: KIND_PARAM[o.kind],
  })}
  ${textInput(ctx, { name: 'thang', label: t('certification.month'), value: o.month, width: 'third', isRequired: true, ...(o.error ? { error: o.error } : {}) })}
  ${button(t('certification.filter'), { variant: 'secondary' })}
</form>
${
  o.entries.length === 0
    ? html`<p>${t('certification.none')}</p>`
    : html`<div class="table-scroll" role="region" aria-label="${kindLabel}" tabindex="0">
<table class="table register">
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${o.entries.map(
        (e) => html`<tr>
  <td class="nowrap">${e.number}</td>
  <td>${formatVietnamTime(e.certified_at)}</td>
  <td>${e.requester_name}</td>
  <td>${e.paper_title}</td>
  <td>${String(e.copies)}</td>
  <td>${String(e.pages)}</td>
  <td>${vnd.format(e.fee_vnd)}</td>
  <td>${e.signer_name}<br><span class="secondary-text">${e.signer_title}</span></td>
  <td>${e.officer_name}</td>
  <td class="nowrap"><a href="/ho-so/${enc(e.dossier_code)}/chung-thuc">${e.dossier_code}</a></td>
  <td>${stateTag(ctx, e, e.request_state)}</td>
</tr>`,
      )}</tbody>
</table>
</div>`
}
<p class="no-print">${t('certification.print')}: <kbd>Ctrl</kbd> + <kbd>P</kbd></p>`;
}

export interface CertifyFormValues {
  readonly paperTitle?: string | undefined;
  readonly copies?: string | undefined;
  readonly signer?: string | undefined;
}

function papersTable(
  ctx: PageContext,
  certifications: readonly DossierPaper[],
  hrefOf: (c: Certification) => string,
) {
  const { t } = ctx;
  return table({
    caption: t('certification.papers'),
    head: [
      t('certification.col.number'),
      t('certification.col.paper'),
      t('certification.col.copies'),
      t('certification.col.fee'),
      t('certification.col.state'),
      t('certification.download'),
    ],
    rows: certifications.map((c) => [
      html`<span class="nowrap">${c.number}</span>`,
      c.paper_title,
      String(c.copies),
      vnd.format(c.fee_vnd),
      stateTag(ctx, c, c.request_state),
      html`<a href="${hrefOf(c)}">${t('certification.download')}<span class="visually-hidden"> ${c.number}</span></a>`,
    ]),
  });
}

export function dossierCertificationPage(
  ctx: PageContext,
  o: DossierCertifications & {
    values?: CertifyFormValues;
    errors?: FieldErrors;
    message?: string | undefined;
    doneNumber?: string | undefined;
    /** The extension form's values and problems (issue 7 §3: ≤ 2 working days). */
    extension?: { values: ExtensionFormValues; errors: FieldErrors; message?: string | undefined };
    isExtended?: boolean;
  },
): SafeHtml {
  const { t } = ctx;
  const d = o.dossier;
  const href = `/ho-so/${enc(d.code)}/chung-thuc`;
  const v = o.values ?? {};
  const e = o.errors ?? {};
  const labels = {
    original: t('certification.original'),
    paperTitle: t('certification.paperTitle'),
    copies: t('certification.copies'),
    signer: t('certification.signer'),
  };
  return html`${o.doneNumber ? notificationBanner({ kind: 'success', body: t('certification.done', { number: o.doneNumber }) }) : ''}
<h1>${t('certification.dossierTitle', { code: d.code })}</h1>
<p class="lead">${d.procedure_name}</p>
<dl class="summary-list">
  <div><dt>${t('certification.col.requester')}</dt><dd>${d.applicant.fullName}</dd></div>
  <div><dt>${t('certification.col.dossier')}</dt><dd><a href="/ho-so/${enc(d.code)}">${d.code}</a></dd></div>
  ${d.due_at ? html`<div><dt>${t('certification.dueAt')}</dt><dd>${formatVietnamTime(d.due_at)}</dd></div>` : ''}
</dl>
${o.isExtended ? notificationBanner({ kind: 'success', body: t('certification.extended') }) : ''}
${o.kind ? '' : html`<p>${t('certification.notCertification')}</p>`}
${o.certifications.length > 0 ? papersTable(ctx, o.certifications, (c) => `${href}/${c.id}.pdf`) : ''}
${
  o.canCertify
    ? html`<h2>${t('certification.form')}</h2>
<p>${t('certification.formLead')}</p>
${errorSummary(ctx, { message: o.message, fields: e, labels })}
<form method="post" action="${href}" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <div class="form-group${e.original ? ' form-group--error' : ''}">
    <label class="label" for="original">${labels.original}</label>
    ${e.original ? html`<p class="error-message" id="original-error">${fieldMessage(ctx, e.original)}</p>` : ''}
    <input class="file-upload" type="file" id="original" name="original" accept="application/pdf,image/jpeg,image/png"${e.original ? html` aria-describedby="original-error" aria-invalid="true"` : ''}>
  </div>
  ${textInput(ctx, { name: 'paperTitle', label: labels.paperTitle, value: v.paperTitle, error: e.paperTitle, isRequired: true })}
  ${o.kind === 'copy' ? textInput(ctx, { name: 'copies', label: labels.copies, value: v.copies ?? '1', error: e.copies, isRequired: true, inputmode: 'numeric', width: 'third' }) : ''}
  ${
    o.signers.length === 0
      ? html`<p class="error-message" id="signer">${t('certification.noSigners')}</p>`
      : select(ctx, {
          name: 'signer',
          label: labels.signer,
          options: o.signers.map((s) => ({ value: s.staffId, label: `${s.fullName} — ${s.title}` })),
          ...(v.signer ? { value: v.signer } : {}),
          ...(e.signer ? { error: e.signer } : {}),
        })
  }
  ${button(t('certification.submit'))}
</form>`
    : ''
}
${o.canCertify && (d.status === 2 || d.status === 4) ? extensionForm(ctx, href, o.extension) : ''}
<p class="no-print"><a href="/ho-so/${enc(d.code)}">${t('certification.back')}</a></p>`;
}

export interface ExtensionFormValues {
  readonly days?: string | undefined;
  readonly ground?: string | undefined;
  readonly reason?: string | undefined;
}

/** The certification's one extension: 1 or 2 working days, its ground and reason (Decree 23/2015). */
function extensionForm(
  ctx: PageContext,
  href: string,
  problem?: { values: ExtensionFormValues; errors: FieldErrors; message?: string | undefined },
): SafeHtml {
  const { t } = ctx;
  const v = problem?.values ?? {};
  const e = problem?.errors ?? {};
  const labels = {
    days: t('certification.extension.days'),
    ground: t('certification.extension.ground'),
    reason: t('certification.extension.reason'),
  };
  return html`<h2 id="gia-han">${t('certification.extension.title')}</h2>
<p>${t('certification.extension.lead')}</p>
${problem ? errorSummary(ctx, { message: problem.message, fields: e, labels }) : ''}
<form method="post" action="${href}/gia-han" novalidate>
  ${csrfField(ctx)}
  ${select(ctx, {
    name: 'days',
    label: labels.days,
    options: [
      { value: '1', label: t('certification.extension.oneDay') },
      { value: '2', label: t('certification.extension.twoDays') },
    ],
    ...(v.days ? { value: v.days } : {}),
    ...(e.days ? { error: e.days } : {}),
  })}
  ${select(ctx, {
    name: 'ground',
    label: labels.ground,
    options: [
      { value: 'manyPapers', label: t('certification.extension.manyPapers') },
      { value: 'complexContent', label: t('certification.extension.complexContent') },
    ],
    ...(v.ground ? { value: v.ground } : {}),
    ...(e.ground ? { error: e.ground } : {}),
  })}
  ${textInput(ctx, { name: 'reason', label: labels.reason, value: v.reason, error: e.reason, isRequired: true })}
  ${button(t('certification.extension.submit'), { variant: 'secondary' })}
</form>`;
}

export function citizenCertificationsPage(
  ctx: PageContext,
  o: { base: string; dossier: Dossier; certifications: readonly DossierPaper[] },
): SafeHtml {
  const { t } = ctx;
  const href = `${o.base}/ho-so/${enc(o.dossier.code)}`;
  const done = o.certifications.filter((c) => c.state === 'completed');
  return html`<h1>${t('certification.citizenTitle', { code: o.dossier.code })}</h1>
<p class="lead">${o.dossier.procedure_name}</p>
${done.length === 0 ? html`<p>${t('certification.citizenNone')}</p>` : papersTable(ctx, done, (c) => `${href}/chung-thuc/${c.id}.pdf`)}
<p><a href="${href}">${t('certification.back')}</a></p>`;
}

/** The link to a certification dossier's papers (staff) or signed copies (citizen); nothing for other dossiers. */
export function certificationLink(ctx: PageContext, d: Dossier, href: string, label?: string): SafeHtml {
  return certificationKindOf(d.procedure_code)
    ? html`<p class="no-print"><a class="button" href="${href}">${label ?? ctx.t('certification.form')}</a></p>`
    : html``;
}
