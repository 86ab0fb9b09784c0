// The counter (quầy tiếp nhận) pages for receptionists (issue 6 §3): find the procedure, then the intake form.
import type { ProcedureSummary } from '../../modules/catalogue/list-procedures.ts';
import type { EffectiveProcedure } from '../../modules/catalogue/procedure.types.ts';
import {
  applicantFields,
  documentFields,
  dossierFieldLabels,
  procedurePicker,
  refusalReasonsField,
} from '../components/dossier-form-fields.ts';
import { button, csrfField, errorSummary, type FieldErrors, textInput } from '../components/form.ts';
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
${procedurePicker(ctx, { action: '/ho-so/tiep-nhan', unitLabel: t('dossier.unit'), ...o })}`;
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
  const defaultFee = o.procedure.fees.reduce((sum, fee) => sum + fee.amountVnd, 0);
  const labels = dossierFieldLabels(ctx);
  const known = Object.fromEntries(Object.entries(e).filter(([name]) => name in labels));
  return html`<h1>${t('dossier.counter.title')}</h1>
<p class="lead">${o.procedure.code} · ${o.procedure.name}<br><span class="secondary-text">${o.unit.name}</span></p>
${errorSummary(ctx, { message: o.message, fields: known, labels })}
<form method="post" action="/ho-so/tiep-nhan" enctype="multipart/form-data" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${o.unit.id}">
  <input type="hidden" name="procedure" value="${o.procedure.code}">
  ${applicantFields(ctx, { values: v, errors: e })}
  ${documentFields(ctx, { procedure: o.procedure, ticked: v.documents ?? [], error: e.documents, legend: t('dossier.documents'), hint: t('dossier.documentsHint') })}
  ${textInput(ctx, { name: 'feeVnd', label: labels.feeVnd ?? '', value: v.feeVnd ?? String(defaultFee), error: e.feeVnd, inputmode: 'numeric', width: 'third', hint: t('dossier.feeHint', { amount: formatMoney(ctx, defaultFee) }) })}
  ${button(t('dossier.receive'), { name: 'action', value: 'receive' })}
  <details class="form-group">
    <summary>${t('dossier.refuse')}</summary>
    ${refusalReasonsField(ctx, { value: v.refusalReasons, error: e.refusalReasons })}
    ${button(t('dossier.refuseButton'), { variant: 'warning', name: 'action', value: 'refuse' })}
  </details>
</form>`;
}
