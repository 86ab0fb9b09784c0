// The counter (quầy tiếp nhận) pages for receptionists (issue 6 §3): find the procedure, then the intake form.
import type { ProcedureSummary } from '../../modules/catalogue/list-procedures.ts';
import type { EffectiveProcedure } from '../../modules/catalogue/procedure.types.ts';
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
import { formatMoney } from './catalogue-format.ts';

export function counterSearchPage(
  ctx: PageContext,
  o: {
    units: readonly { id: string; name: string }[];
    unitId: string;
    q: string;
    procedures: readonly ProcedureSummary[];
  },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('dossier.counter.title')}</h1>
<p class="lead">${t('dossier.counter.lead')}</p>
<form method="get" action="/ho-so/tiep-nhan" class="no-print">
  ${select(ctx, { name: 'unit', label: t('dossier.unit'), options: o.units.map((u) => ({ value: u.id, label: u.name })), value: o.unitId })}
  ${textInput(ctx, { name: 'q', label: t('dossier.counter.search'), value: o.q, isRequired: false, hint: t('dossier.counter.searchHint') })}
  ${button(t('dossier.counter.find'), { variant: 'secondary' })}
</form>
${
  o.procedures.length === 0
    ? html`<p>${t('dossier.counter.none')}</p>`
    : html`<ul class="list">${o.procedures.map(
        (p) =>
          html`<li><a href="/ho-so/tiep-nhan?unit=${encodeURIComponent(o.unitId)}&amp;procedure=${encodeURIComponent(p.code)}">${p.code} · ${p.name}</a></li>`,
      )}</ul>`
}`;
}

export const COUNTER_TEXT_FIELDS = [
  'fullName',
  'personalIdentifier',
  'address',
  'phone',
  'email',
  'proxyName',
  'proxyAuthorisation',
  'feeVnd',
  'refusalReasons',
] as const;

export type CounterFormValues = {
  readonly [K in (typeof COUNTER_TEXT_FIELDS)[number]]?: string | undefined;
} & {
  readonly documents?: readonly number[];
};

export function counterFormPage(
  ctx: PageContext,
  o: {
    unit: { id: string; name: string };
    procedure: EffectiveProcedure;
    values: CounterFormValues;
    errors?: FieldErrors;
    message?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const v = o.values;
  const e = o.errors ?? {};
  const ticked = new Set(v.documents ?? []);
  const defaultFee = o.procedure.fees.reduce((sum, fee) => sum + fee.amountVnd, 0);
  const labels: Record<string, string> = {
    fullName: t('dossier.applicant.fullName'),
    personalIdentifier: t('dossier.applicant.personalIdentifier'),
    address: t('dossier.applicant.address'),
    phone: t('dossier.applicant.phone'),
    email: t('dossier.applicant.email'),
    proxyAuthorisation: t('dossier.applicant.proxyAuthorisation'),
    documents: t('dossier.documents'),
    feeVnd: t('dossier.fee'),
    refusalReasons: t('dossier.refusalReasons'),
  };
  const known = Object.fromEntries(Object.entries(e).filter(([name]) => name in labels));
  return html`<h1>${t('dossier.counter.title')}</h1>
<p class="lead">${o.procedure.code} · ${o.procedure.name}<br><span class="secondary-text">${o.unit.name}</span></p>
${errorSummary(ctx, { message: o.message, fields: known, labels })}
<form method="post" action="/ho-so/tiep-nhan" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${o.unit.id}">
  <input type="hidden" name="procedure" value="${o.procedure.code}">
  <h2>${t('dossier.applicant.title')}</h2>
  ${textInput(ctx, { name: 'fullName', label: labels.fullName ?? '', value: v.fullName, error: e.fullName, isRequired: true, autocomplete: 'off' })}
  ${textInput(ctx, { name: 'personalIdentifier', label: labels.personalIdentifier ?? '', value: v.personalIdentifier, error: e.personalIdentifier, isRequired: true, inputmode: 'numeric', width: 'half', hint: t('dossier.applicant.personalIdentifierHint') })}
  ${textInput(ctx, { name: 'address', label: labels.address ?? '', value: v.address, error: e.address, isRequired: true })}
  ${textInput(ctx, { name: 'phone', label: labels.phone ?? '', value: v.phone, error: e.phone, isRequired: true, type: 'tel', width: 'half' })}
  ${textInput(ctx, { name: 'email', label: labels.email ?? '', value: v.email, error: e.email, type: 'email', width: 'half' })}
  ${textInput(ctx, { name: 'proxyName', label: t('dossier.applicant.proxyName'), value: v.proxyName, hint: t('dossier.applicant.proxyHint') })}
  ${textInput(ctx, { name: 'proxyAuthorisation', label: labels.proxyAuthorisation ?? '', value: v.proxyAuthorisation, error: e.proxyAuthorisation })}
  <fieldset class="form-group${e.documents ? ' form-group--error' : ''}" id="documents">
    <legend class="label">${labels.documents}</legend>
    <div class="hint">${t('dossier.documentsHint')}</div>
    ${e.documents ? html`<p class="error-message">${fieldMessage(ctx, e.documents)}</p>` : ''}
    ${o.procedure.documents.map(
      (document, index) => html`<div class="form-group">
      <input type="checkbox" id="doc-${index}" name="doc-${index}" value="yes"${ticked.has(index) ? html` checked` : ''}>
      <label for="doc-${index}">${document.name} (${t(`catalogue.form.${document.form}`)}, ${document.count})</label>
      <div><label class="label" for="file-${index}">${t('dossier.scan')}<span class="visually-hidden">: ${document.name}</span></label>
      <input class="file-upload" type="file" id="file-${index}" name="file-${index}" accept="application/pdf,image/jpeg,image/png" multiple></div>
    </div>`,
    )}
  </fieldset>
  ${textInput(ctx, { name: 'feeVnd', label: labels.feeVnd ?? '', value: v.feeVnd ?? String(defaultFee), error: e.feeVnd, inputmode: 'numeric', width: 'third', hint: t('dossier.feeHint', { amount: formatMoney(ctx, defaultFee) }) })}
  ${button(t('dossier.receive'), { name: 'action', value: 'receive' })}
  <details class="form-group">
    <summary>${t('dossier.refuse')}</summary>
    <div class="form-group${e.refusalReasons ? ' form-group--error' : ''}">
      <label class="label" for="refusalReasons">${labels.refusalReasons}</label>
      ${e.refusalReasons ? html`<p class="error-message" id="refusalReasons-error">${fieldMessage(ctx, e.refusalReasons)}</p>` : ''}
      <textarea class="textarea" id="refusalReasons" name="refusalReasons" rows="3">${v.refusalReasons ?? ''}</textarea>
    </div>
    ${button(t('dossier.refuseButton'), { variant: 'warning', name: 'action', value: 'refuse' })}
  </details>
</form>`;
}
