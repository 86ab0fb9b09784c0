// Public catalogue pages (issue 6 §1.4): /thu-tuc (browse by field, search) and /thu-tuc/<code>.
import type { ProcedureSummary } from '../../modules/catalogue/list-procedures.ts';
import type { EffectiveProcedure } from '../../modules/catalogue/procedure.types.ts';
import { formatVietnamDate, previousDay } from '../../modules/catalogue/vietnam-date.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { notificationBanner, table } from '../components/content.ts';
import { button, select, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { formatBudget, formatMoney, formatStatutoryTime } from './catalogue-format.ts';

export interface CatalogueQuery {
  readonly q: string;
  readonly unit: string;
  readonly field: string;
}

const detailHref = (code: string, unitId: string) =>
  `/thu-tuc/${encodeURIComponent(code)}${unitId ? `?unit=${encodeURIComponent(unitId)}` : ''}`;

/** The name in the reader's language: the English name when reading in English and one exists. */
function displayName(ctx: PageContext, p: Pick<ProcedureSummary, 'name' | 'nameEn'>): SafeHtml {
  return ctx.locale === 'en' && p.nameEn
    ? html`<span lang="en">${p.nameEn}</span>`
    : html`<span lang="vi">${p.name}</span>`;
}

export function catalogueListPage(
  ctx: PageContext,
  options: {
    query: CatalogueQuery;
    units: readonly Unit[];
    fields: readonly string[];
    procedures: readonly ProcedureSummary[];
  },
): SafeHtml {
  const { t } = ctx;
  const { query } = options;
  const groups = new Map<string, ProcedureSummary[]>();
  for (const p of options.procedures) {
    groups.set(p.field, [...(groups.get(p.field) ?? []), p]);
  }
  const showProvince = !query.unit;
  return html`<h1>${t('catalogue.title')}</h1>
<p class="lead">${t('catalogue.lead')}</p>
<form method="get" action="/thu-tuc" role="search">
  ${textInput(ctx, { name: 'q', label: t('catalogue.search'), value: query.q, hint: t('catalogue.searchHint'), spellcheck: false })}
  ${select(ctx, {
    name: 'unit',
    label: t('catalogue.unit'),
    value: query.unit,
    options: [
      { value: '', label: t('catalogue.allUnits') },
      ...options.units.map((u) => ({ value: u.id, label: u.name })),
    ],
  })}
  ${select(ctx, {
    name: 'field',
    label: t('catalogue.field'),
    value: query.field,
    options: [
      { value: '', label: t('catalogue.allFields') },
      ...options.fields.map((f) => ({ value: f, label: f })),
    ],
  })}
  ${button(t('catalogue.searchButton'))}
</form>
<p role="status">${options.procedures.length === 0 ? t('catalogue.none') : t('catalogue.found', { count: options.procedures.length })}</p>
${[...groups].map(
  ([field, items]) => html`<h2>${field}</h2>
<ul class="procedure-list">
  ${items.map(
    (p) => html`<li><a href="${detailHref(p.code, query.unit)}">${displayName(ctx, p)}</a>
    <br><span class="secondary-text">${t('catalogue.code')} ${p.code} · ${formatStatutoryTime(ctx, p.statutoryTime)}${showProvince ? ` · ${p.definedBy.name}` : ''}</span></li>`,
  )}
</ul>`,
)}`;
}

export function catalogueDetailPage(
  ctx: PageContext,
  options: {
    procedure: EffectiveProcedure;
    unit: Unit | undefined;
    /** Other units that provide this code, when no unit was chosen. */
    alternatives: readonly Unit[];
  },
): SafeHtml {
  const { t } = ctx;
  const p = options.procedure;
  const extension = !p.isExtensionAllowed
    ? t('catalogue.extensionNone')
    : p.extensionLimitDays
      ? t('catalogue.extensionLimit', { days: p.extensionLimitDays })
      : t('catalogue.extensionAllowed');
  const effective = p.effectiveUntil
    ? t('catalogue.effectiveFromUntil', {
        from: formatVietnamDate(p.effectiveFrom),
        until: formatVietnamDate(previousDay(p.effectiveUntil)),
      })
    : t('catalogue.effectiveFrom', { from: formatVietnamDate(p.effectiveFrom) });
  const row = (label: string, value: string | SafeHtml) =>
    html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<p><a href="/thu-tuc${options.unit ? `?unit=${options.unit.id}` : ''}">${t('catalogue.backToList')}</a></p>
<h1 lang="vi">${p.name}</h1>
${ctx.locale === 'en' && p.nameEn ? html`<p class="lead" lang="en">${p.nameEn}</p>` : ''}
${
  options.alternatives.length > 1
    ? html`<p>${t('catalogue.otherUnits')}</p><ul>${options.alternatives.map((u) => html`<li><a href="${detailHref(p.code, u.id)}">${u.name}</a></li>`)}</ul>`
    : ''
}
<dl class="summary-list">
  ${row(t('catalogue.code'), p.code)}
  ${row(t('catalogue.field'), p.field)}
  ${row(t('catalogue.level'), t(`catalogue.level.${p.level}`))}
  ${row(t('catalogue.statutoryTime'), formatStatutoryTime(ctx, p.statutoryTime))}
  ${row(t('catalogue.extension'), extension)}
  ${p.isClockStoppable ? row(t('catalogue.clockStop'), t('catalogue.clockStopYes')) : ''}
  ${row(t('catalogue.resultType'), p.resultType)}
  ${row(t('catalogue.definedBy'), p.definedBy.name)}
  ${options.unit ? row(t('catalogue.appliedAt'), options.unit.name) : ''}
  ${row(t('catalogue.effective'), effective)}
</dl>
${
  p.adoption?.adjustments.note
    ? notificationBanner({ kind: 'info', title: t('catalogue.localNote'), body: p.adoption.adjustments.note })
    : ''
}
${
  p.adoption?.isApplied &&
  (p.adoption.adjustments.fees.length > 0 || p.adoption.adjustments.stepBudgets.length > 0)
    ? html`<p class="secondary-text">${t('catalogue.adjusted')}</p>`
    : ''
}
<h2>${t('catalogue.documents')}</h2>
${table({
  head: [t('catalogue.document'), t('catalogue.documentForm'), t('catalogue.count'), t('catalogue.scan')],
  rows: p.documents.map((d) => [
    d.name,
    t(`catalogue.form.${d.form}`),
    String(d.count),
    d.isScanAccepted ? t('common.yes') : t('common.no'),
  ]),
})}
<h2>${t('catalogue.fees')}</h2>
${
  p.fees.length === 0
    ? html`<p>${t('catalogue.noFees')}</p>`
    : table({
        head: [t('catalogue.fee'), t('catalogue.amount')],
        rows: p.fees.map((f) => [
          f.name,
          f.amountVnd === 0 ? t('catalogue.free') : formatMoney(ctx, f.amountVnd, f.per),
        ]),
      })
}
<h2>${t('catalogue.steps')}</h2>
${table({
  head: [t('catalogue.step'), t('catalogue.stepRole'), t('catalogue.stepBudget')],
  rows: p.steps.map((s, i) => [`${i + 1}. ${s.name}`, t(`role.${s.role}`), formatBudget(ctx, s.budget)]),
})}
<h2>${t('catalogue.legalBasis')}</h2>
<ul>${p.legalBasis.map((text) => html`<li>${text}</li>`)}</ul>`;
}
