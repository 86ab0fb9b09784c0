// Admin pages of the catalogue (issue 6 §1.3): the list per unit, the province procedure form (create,
// or a new version from a date), and the commune adoption form. Plain forms, no JavaScript needed.
import type { AdminProcedureRow } from '../../modules/catalogue/list-configurable-procedures.ts';
import type { ProcedureAdoption } from '../../modules/catalogue/procedure.table.ts';
import {
  DOCUMENT_FORMS,
  LEVELS,
  type ProcedureContent,
  STATUTORY_KINDS,
  STEP_ROLES,
} from '../../modules/catalogue/procedure.types.ts';
import { formatVietnamDate } from '../../modules/catalogue/vietnam-date.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { table } from '../components/content.ts';
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
import { formatBudget, formatMoney, formatStatutoryTime } from './catalogue-format.ts';
import { BLANK_ROWS, type FormValues } from './catalogue-forms.ts';

function textarea(
  ctx: PageContext,
  o: { name: string; label: string; value?: string | undefined; hint?: string; error?: string | undefined },
): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
  <label class="label" for="${o.name}">${o.label}</label>
  ${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}
  ${o.error ? html`<p class="error-message" id="${o.name}-error">${fieldMessage(ctx, o.error)}</p>` : ''}
  <textarea class="textarea" id="${o.name}" name="${o.name}" rows="4"${describedBy ? html` aria-describedby="${describedBy}"` : ''}>${o.value ?? ''}</textarea>
</div>`;
}

function checkbox(o: { name: string; label: string; isChecked: boolean }): SafeHtml {
  return html`<div class="form-group"><input type="checkbox" id="${o.name}" name="${o.name}" value="yes"${o.isChecked ? html` checked` : ''}> <label for="${o.name}">${o.label}</label></div>`;
}

const fieldset = (legend: string, body: SafeHtml | SafeHtml[]) =>
  html`<fieldset class="form-group"><legend class="label">${legend}</legend>${body}</fieldset>`;

/** The procedure's result template for this unit (issue 7 §2). */
function templateLink(ctx: PageContext, code: string, unitId: string): SafeHtml {
  return html`<a href="/thu-tuc/${encodeURIComponent(code)}/mau-ket-qua?unit=${unitId}">${ctx.t('resultTemplate.link')}<span class="visually-hidden"> ${code}</span></a>`;
}

export function catalogueAdminListPage(
  ctx: PageContext,
  options: {
    units: readonly Unit[];
    unit: Unit | undefined;
    isProvince: boolean;
    rows: readonly AdminProcedureRow[];
  },
): SafeHtml {
  const { t } = ctx;
  const { unit } = options;
  const versionText = (v: { version_no: number; effective_from: string } | undefined) =>
    v ? t('catalogueAdmin.versionFrom', { no: v.version_no, from: formatVietnamDate(v.effective_from) }) : '';
  const adoptionText = (a: ProcedureAdoption | undefined) => {
    if (!a) {
      return t('catalogueAdmin.notAdopted');
    }
    const from = formatVietnamDate(a.effective_from);
    if (!a.is_adopted) {
      return t('catalogueAdmin.withdrawnFrom', { from });
    }
    const isAdjusted = a.adjustments.fees.length > 0 || a.adjustments.stepBudgets.length > 0;
    return t(isAdjusted ? 'catalogueAdmin.adjustedFrom' : 'catalogueAdmin.adoptedFrom', { from });
  };
  const unitPicker = html`<form method="get" action="/admin/procedures">
  ${select(ctx, {
    name: 'unit',
    label: t('catalogueAdmin.unit'),
    value: unit?.id ?? '',
    options: options.units.map((u) => ({ value: u.id, label: `${u.name} (${t(`unitKind.${u.kind}`)})` })),
  })}
  ${button(t('catalogueAdmin.show'), { variant: 'secondary' })}
</form>`;
  if (!unit) {
    return html`<h1>${t('catalogueAdmin.title')}</h1><p>${t('catalogueAdmin.noUnits')}</p>`;
  }
  const list = options.isProvince
    ? table({
        head: [
          t('catalogue.code'),
          t('catalogue.name'),
          t('catalogueAdmin.current'),
          t('catalogueAdmin.upcoming'),
          t('common.actions'),
        ],
        rows: options.rows.map((r) => [
          r.procedure.code,
          html`<a href="/thu-tuc/${encodeURIComponent(r.procedure.code)}?unit=${unit.id}">${(r.current ?? r.upcoming)?.name ?? ''}</a>`,
          r.current ? versionText(r.current) : t('catalogueAdmin.notYet'),
          versionText(r.upcoming),
          html`<a href="/admin/procedures/${r.procedure.id}/versions/new">${t('catalogueAdmin.newVersion')}<span class="visually-hidden"> ${r.procedure.code}</span></a> · ${templateLink(ctx, r.procedure.code, unit.id)}`,
        ]),
      })
    : table({
        head: [
          t('catalogue.code'),
          t('catalogue.name'),
          t('catalogueAdmin.current'),
          t('catalogueAdmin.statusHere'),
          t('common.actions'),
        ],
        rows: options.rows.map((r) => [
          r.procedure.code,
          (r.current ?? r.upcoming)?.name ?? '',
          r.current ? versionText(r.current) : t('catalogueAdmin.notYet'),
          html`${adoptionText(r.adoption)}${r.upcomingAdoption ? html`<br><span class="secondary-text">${t('catalogueAdmin.scheduled', { from: formatVietnamDate(r.upcomingAdoption.effective_from) })}</span>` : ''}`,
          html`<a href="/admin/procedures/${r.procedure.id}/adoption?unit=${unit.id}">${t('catalogueAdmin.adopt')}<span class="visually-hidden"> ${r.procedure.code}</span></a>${r.adoption ? html` · ${templateLink(ctx, r.procedure.code, unit.id)}` : ''}`,
        ]),
      });
  return html`<h1>${t('catalogueAdmin.title')}</h1>
<p class="lead">${t('catalogueAdmin.lead')}</p>
${unitPicker}
<h2>${unit.name}</h2>
${options.isProvince ? html`<p><a class="button button--primary" href="/admin/procedures/new?unit=${unit.id}">${t('catalogueAdmin.add')}</a></p>` : ''}
${options.rows.length === 0 ? html`<p>${t('catalogueAdmin.none')}</p>` : list}`;
}

function rowIndexes(values: FormValues, group: string): number[] {
  let filled = 0;
  while (values[`${group}.${filled}.name`] !== undefined) {
    filled++;
  }
  return Array.from({ length: filled + BLANK_ROWS }, (_, i) => i);
}

/** The province procedure form: a new procedure (with its code) or a new version of one. */
export function procedureFormPage(
  ctx: PageContext,
  options: {
    title: string;
    lead?: string;
    action: string;
    isNew: boolean;
    unitId?: string;
    values: FormValues;
    errors?: FieldErrors;
    message?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const v = options.values;
  const e = options.errors ?? {};
  const input = (name: string, label: string, extra: Partial<Parameters<typeof textInput>[1]> = {}) =>
    textInput(ctx, {
      name,
      label,
      value: v[name],
      isRequired: true,
      ...(e[name] ? { error: e[name] } : {}),
      ...extra,
    });
  const choose = (name: string, label: string, choices: readonly { value: string; label: string }[]) =>
    select(ctx, {
      name,
      label,
      options: choices,
      value: v[name] ?? '',
      ...(e[name] ? { error: e[name] } : {}),
    });
  const labels: Record<string, string> = {
    code: t('catalogue.code'),
    effectiveFrom: t('catalogueAdmin.effectiveFrom'),
    name: t('catalogue.name'),
    field: t('catalogue.field'),
    legalBasis: t('catalogue.legalBasis'),
    resultType: t('catalogue.resultType'),
    'statutoryTime.amount': t('catalogueAdmin.timeAmount'),
    'statutoryTime.cutoff': t('catalogueAdmin.cutoff'),
  };
  const documents = rowIndexes(v, 'documents').map((i) =>
    fieldset(t('catalogueAdmin.row', { no: i + 1 }), [
      input(`documents.${i}.name`, t('catalogue.document')),
      choose(
        `documents.${i}.form`,
        t('catalogue.documentForm'),
        DOCUMENT_FORMS.map((f) => ({ value: f, label: t(`catalogue.form.${f}`) })),
      ),
      input(`documents.${i}.count`, t('catalogue.count'), {
        width: 'third',
        inputmode: 'numeric',
        value: v[`documents.${i}.count`] ?? '1',
      }),
      checkbox({
        name: `documents.${i}.isScanAccepted`,
        label: t('catalogue.scan'),
        isChecked: v[`documents.${i}.isScanAccepted`] === 'yes',
      }),
    ]),
  );
  const fees = rowIndexes(v, 'fees').map((i) =>
    fieldset(t('catalogueAdmin.row', { no: i + 1 }), [
      input(`fees.${i}.name`, t('catalogue.fee')),
      input(`fees.${i}.amountVnd`, t('catalogueAdmin.amountVnd'), { width: 'half', inputmode: 'numeric' }),
      input(`fees.${i}.per`, t('catalogueAdmin.per'), { width: 'half', isRequired: false }),
    ]),
  );
  const budgetUnits = (['workingDays', 'workingHours'] as const).map((u) => ({
    value: u,
    label: t(`catalogueAdmin.unit.${u}`),
  }));
  const steps = rowIndexes(v, 'steps').map((i) =>
    fieldset(t('catalogueAdmin.row', { no: i + 1 }), [
      input(`steps.${i}.name`, t('catalogue.step')),
      choose(
        `steps.${i}.role`,
        t('catalogue.stepRole'),
        STEP_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
      ),
      input(`steps.${i}.budget.amount`, t('catalogue.stepBudget'), { width: 'third', inputmode: 'decimal' }),
      choose(`steps.${i}.budget.unit`, t('catalogueAdmin.budgetUnit'), budgetUnits),
    ]),
  );
  return html`${errorSummary(ctx, { message: options.message, fields: e, labels })}
<h1>${options.title}</h1>
${options.lead ? html`<p class="lead">${options.lead}</p>` : ''}
<form method="post" action="${options.action}" novalidate>
  ${csrfField(ctx)}
  ${options.unitId ? html`<input type="hidden" name="unitId" value="${options.unitId}">` : ''}
  ${options.isNew ? input('code', t('catalogue.code'), { width: 'half', hint: t('catalogueAdmin.codeHint'), spellcheck: false }) : ''}
  ${input('effectiveFrom', t('catalogueAdmin.effectiveFrom'), { width: 'half', hint: t('catalogueAdmin.dateHint') })}
  <h2>${t('catalogueAdmin.general')}</h2>
  ${input('name', t('catalogue.name'))}
  ${input('nameEn', t('catalogue.nameEn'), { isRequired: false })}
  ${input('field', t('catalogue.field'), { width: 'half' })}
  ${choose(
    'level',
    t('catalogue.level'),
    LEVELS.map((l) => ({ value: l, label: t(`catalogue.level.${l}`) })),
  )}
  ${input('resultType', t('catalogue.resultType'))}
  ${textarea(ctx, { name: 'legalBasis', label: t('catalogue.legalBasis'), value: v.legalBasis, hint: t('catalogueAdmin.legalBasisHint'), error: e.legalBasis })}
  <h2>${t('catalogue.statutoryTime')}</h2>
  ${choose(
    'statutoryTime.kind',
    t('catalogueAdmin.timeKind'),
    STATUTORY_KINDS.map((k) => ({ value: k, label: t(`catalogueAdmin.kind.${k}`) })),
  )}
  ${input('statutoryTime.amount', t('catalogueAdmin.timeAmount'), { width: 'third', isRequired: false, inputmode: 'numeric', hint: t('catalogueAdmin.timeAmountHint') })}
  ${input('statutoryTime.cutoff', t('catalogueAdmin.cutoff'), { width: 'third', isRequired: false, hint: t('catalogueAdmin.cutoffHint') })}
  ${checkbox({ name: 'isExtensionAllowed', label: t('catalogue.extensionAllowed'), isChecked: v.isExtensionAllowed === 'yes' })}
  ${input('extensionLimitDays', t('catalogueAdmin.extensionLimit'), { width: 'third', isRequired: false, inputmode: 'numeric' })}
  ${checkbox({ name: 'isClockStoppable', label: t('catalogue.clockStopYes'), isChecked: v.isClockStoppable === 'yes' })}
  <h2>${t('catalogue.documents')}</h2>
  <p class="hint">${t('catalogueAdmin.rowHint')}</p>
  ${documents}
  <h2>${t('catalogue.fees')}</h2>
  ${fees}
  <h2>${t('catalogue.steps')}</h2>
  ${steps}
  <div class="button-group">${button(t('common.save'))}<a href="/admin/procedures">${t('common.cancel')}</a></div>
</form>`;
}

/** The commune's adoption form: adopt or withdraw from a date, lower fees, re-divide step times. */
export function adoptionFormPage(
  ctx: PageContext,
  options: {
    unit: Unit;
    procedureId: string;
    code: string;
    province: ProcedureContent;
    values: FormValues;
    errors?: FieldErrors;
    message?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const { province, values: v } = options;
  const e = options.errors ?? {};
  const budgetUnits = (['workingDays', 'workingHours'] as const).map((u) => ({
    value: u,
    label: t(`catalogueAdmin.unit.${u}`),
  }));
  return html`${errorSummary(ctx, { message: options.message, fields: e, labels: { effectiveFrom: t('catalogueAdmin.effectiveFrom') } })}
<p><a href="/admin/procedures?unit=${options.unit.id}">${t('common.back')}</a></p>
<h1>${t('catalogueAdmin.adoptTitle', { unit: options.unit.name, name: province.name })}</h1>
<p class="lead">${t('catalogueAdmin.adoptLead')}</p>
<dl class="summary-list">
  <div><dt>${t('catalogue.code')}</dt><dd>${options.code}</dd></div>
  <div><dt>${t('catalogue.statutoryTime')}</dt><dd>${formatStatutoryTime(ctx, province.statutoryTime)}</dd></div>
</dl>
<form method="post" action="/admin/procedures/${options.procedureId}/adoption" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unitId" value="${options.unit.id}">
  ${textInput(ctx, { name: 'effectiveFrom', label: t('catalogueAdmin.effectiveFrom'), value: v.effectiveFrom, width: 'half', hint: t('catalogueAdmin.dateHint'), isRequired: true, ...(e.effectiveFrom ? { error: e.effectiveFrom } : {}) })}
  ${select(ctx, {
    name: 'decision',
    label: t('catalogueAdmin.decision'),
    value: v.decision ?? 'adopt',
    options: [
      { value: 'adopt', label: t('catalogueAdmin.decisionAdopt') },
      { value: 'withdraw', label: t('catalogueAdmin.decisionWithdraw') },
    ],
  })}
  ${province.fees.length > 0 ? html`<h2>${t('catalogue.fees')}</h2>` : ''}
  ${province.fees.map((fee, i) =>
    textInput(ctx, {
      name: `fees.${i}.amountVnd`,
      label: `${fee.name} (${t('catalogueAdmin.amountVnd')})`,
      value: v[`fees.${i}.amountVnd`] ?? String(fee.amountVnd),
      hint: t('catalogueAdmin.provinceAmount', { amount: formatMoney(ctx, fee.amountVnd, fee.per) }),
      width: 'half',
      inputmode: 'numeric',
      isRequired: true,
      ...(e[`fees.${i}.amountVnd`] ? { error: e[`fees.${i}.amountVnd`] } : {}),
    }),
  )}
  <h2>${t('catalogue.steps')}</h2>
  ${province.steps.map((step, i) =>
    fieldset(`${i + 1}. ${step.name}`, [
      textInput(ctx, {
        name: `steps.${i}.budget.amount`,
        label: t('catalogue.stepBudget'),
        value: v[`steps.${i}.budget.amount`] ?? String(step.budget.amount),
        hint: t('catalogueAdmin.provinceBudget', { budget: formatBudget(ctx, step.budget) }),
        width: 'third',
        inputmode: 'decimal',
        isRequired: true,
        ...(e[`steps.${i}.budget.amount`] ? { error: e[`steps.${i}.budget.amount`] } : {}),
      }),
      select(ctx, {
        name: `steps.${i}.budget.unit`,
        label: t('catalogueAdmin.budgetUnit'),
        value: v[`steps.${i}.budget.unit`] ?? step.budget.unit,
        options: budgetUnits,
      }),
    ]),
  )}
  ${textarea(ctx, { name: 'note', label: t('catalogueAdmin.note'), value: v.note, error: e.note })}
  <div class="button-group">${button(t('common.save'))}<a href="/admin/procedures?unit=${options.unit.id}">${t('common.cancel')}</a></div>
</form>`;
}
