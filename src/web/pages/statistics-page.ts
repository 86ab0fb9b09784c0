// /thong-ke: the one-stop shop's statistics (issue 7 §7): filters, key figures, two SVG charts with their
// tables, the table per unit and procedure, links to the CSV and the printable BM.06 register.
import { formatVietnamDate } from '../../modules/catalogue/vietnam-date.ts';
import {
  onTimeRate,
  STATISTICS_GROUPINGS,
  type StatisticsGrouping,
  type UnitStatistics,
} from '../../modules/statistics/get-unit-statistics.ts';
import { COUNT_KEYS, type StatisticsCounts } from '../../modules/statistics/statistics.repository.ts';
import { stackedBarChart } from '../components/bar-chart.ts';
import { button, errorSummary, fieldMessage, select } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

const COLOURS = { received: '#505a5f', early: '#00703c', onTime: '#1d70b8', late: '#d4351c' } as const;

export function statisticsQuery(
  stats: Pick<UnitStatistics, 'unit' | 'period' | 'procedureCode'> & { groupBy?: StatisticsGrouping },
): string {
  const query = new URLSearchParams({ unit: stats.unit.id, from: stats.period.from, to: stats.period.to });
  if (stats.procedureCode) {
    query.set('procedure', stats.procedureCode);
  }
  if (stats.groupBy && stats.groupBy !== 'unit-procedure') {
    query.set('nhom', stats.groupBy);
  }
  return query.toString();
}

export function formatRate(ctx: PageContext, counts: StatisticsCounts): string {
  const rate = onTimeRate(counts);
  return rate === null
    ? ctx.t('statistics.noRate')
    : `${(rate * 100).toLocaleString(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} %`;
}

export function dateInput(
  ctx: PageContext,
  o: { name: string; label: string; value: string; error?: string | undefined },
): SafeHtml {
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
  <label class="label" for="${o.name}">${o.label}</label>
  ${o.error ? html`<p class="error-message" id="${o.name}-error"><span class="visually-hidden">${ctx.t('errors.pageTitle')}:</span> ${fieldMessage(ctx, o.error)}</p>` : ''}
  <input class="input input--third${o.error ? ' input--error' : ''}" id="${o.name}" name="${o.name}" type="date" value="${o.value}" required${o.error ? html` aria-describedby="${o.name}-error" aria-invalid="true"` : ''}>
</div>`;
}

/** A period that did not parse: the values as typed and the field errors, shown over the default period. */
export interface PeriodProblem {
  readonly from: string;
  readonly to: string;
  readonly errors: Readonly<Record<string, string>>;
}

/** `2026-10` → `10/2026`. */
const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

function filterForm(ctx: PageContext, stats: UnitStatistics, problem: PeriodProblem | undefined): SafeHtml {
  const { t } = ctx;
  return html`${errorSummary(ctx, { fields: problem?.errors ?? {}, labels: { from: t('statistics.from'), to: t('statistics.to') } })}
<form method="get" action="/thong-ke" class="no-print" aria-label="${t('statistics.filters')}">
  ${select(ctx, { name: 'unit', label: t('statistics.unit'), options: stats.units.map((u) => ({ value: u.id, label: u.name })), value: stats.unit.id })}
  ${select(ctx, {
    name: 'procedure',
    label: t('statistics.procedure'),
    options: [
      { value: '', label: t('statistics.allProcedures') },
      ...stats.procedures.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
    ],
    value: stats.procedureCode ?? '',
  })}
  ${select(ctx, {
    name: 'nhom',
    label: t('statistics.groupBy'),
    options: STATISTICS_GROUPINGS.map((g) => ({ value: g, label: t(`statistics.groupBy.${g}`) })),
    value: stats.groupBy,
  })}
  ${dateInput(ctx, { name: 'from', label: t('statistics.from'), value: problem?.from ?? stats.period.from, error: problem?.errors.from })}
  ${dateInput(ctx, { name: 'to', label: t('statistics.to'), value: problem?.to ?? stats.period.to, error: problem?.errors.to })}
  ${button(t('statistics.apply'))}
</form>`;
}

function figures(ctx: PageContext, totals: StatisticsCounts): SafeHtml {
  const { t } = ctx;
  const finished = totals.early + totals.onTime + totals.late;
  const item = (label: string, value: string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<h2>${t('statistics.figures')}</h2>
<dl class="summary-list">
  ${item(t('statistics.received'), String(totals.received))}
  ${item(t('statistics.inProgress'), `${totals.inProgress} (${t('statistics.overdue').toLowerCase()}: ${totals.overdue})`)}
  ${item(t('statistics.finished'), `${finished} (${t('statistics.early').toLowerCase()} ${totals.early}, ${t('statistics.onTime').toLowerCase()} ${totals.onTime}, ${t('statistics.late').toLowerCase()} ${totals.late})`)}
  ${item(t('statistics.onTimeRate'), formatRate(ctx, totals))}
  ${item(t('statistics.returned'), String(totals.returned))}
  ${item(t('statistics.supplements'), String(totals.supplements))}
  ${item(t('statistics.refusals'), String(totals.refusals))}
</dl>`;
}

function charts(ctx: PageContext, stats: UnitStatistics): SafeHtml {
  const { t } = ctx;
  const categories = stats.months.map((m) => monthLabel(m.month));
  const received = stats.months.map((m) => m.received);
  return html`${stackedBarChart({
    id: 'chart-received',
    title: t('statistics.chartReceived'),
    description: t('statistics.chartReceivedDesc', {
      total: stats.totals.received,
      max: Math.max(0, ...received),
    }),
    categories,
    series: [{ label: t('statistics.received'), colour: COLOURS.received, values: received }],
    tableCaption: t('statistics.dataTable'),
    categoryHeading: t('statistics.month'),
  })}
${stackedBarChart({
  id: 'chart-finished',
  title: t('statistics.chartFinished'),
  description: t('statistics.chartFinishedDesc', {
    early: stats.totals.early,
    onTime: stats.totals.onTime,
    late: stats.totals.late,
  }),
  categories,
  series: [
    { label: t('statistics.early'), colour: COLOURS.early, values: stats.months.map((m) => m.early) },
    { label: t('statistics.onTime'), colour: COLOURS.onTime, values: stats.months.map((m) => m.onTime) },
    { label: t('statistics.late'), colour: COLOURS.late, values: stats.months.map((m) => m.late) },
  ],
  tableCaption: t('statistics.dataTable'),
  categoryHeading: t('statistics.month'),
})}`;
}

function countCells(ctx: PageContext, c: StatisticsCounts): string[] {
  return COUNT_KEYS.map((key) => String(c[key])).concat(formatRate(ctx, c));
}

function figuresTable(ctx: PageContext, stats: UnitStatistics): SafeHtml {
  const { t } = ctx;
  const hasUnit = stats.groupBy !== 'procedure';
  const hasProcedure = stats.groupBy !== 'unit';
  const head = [
    ...(hasUnit ? [t('statistics.unit')] : []),
    ...(hasProcedure ? [t('statistics.procedure')] : []),
    t('statistics.received'),
    t('statistics.inProgress'),
    t('statistics.overdue'),
    t('statistics.early'),
    t('statistics.onTime'),
    t('statistics.late'),
    t('statistics.returned'),
    t('statistics.supplements'),
    t('statistics.refusals'),
    t('statistics.onTimeRate'),
  ];
  return html`<div class="table-scroll" role="region" aria-label="${t('statistics.table')}" tabindex="0">
<table class="table table--numeric">
<caption class="table__caption">${t('statistics.table')}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${stats.rows.map(
    (r) =>
      html`<tr>${hasUnit ? html`<td>${r.unitName}</td>` : ''}${hasProcedure ? html`<td>${r.procedureCode} · ${r.procedureName}</td>` : ''}${countCells(ctx, r).map((c) => html`<td>${c}</td>`)}</tr>`,
  )}</tbody>
<tfoot><tr><th scope="row" colspan="${hasUnit && hasProcedure ? '2' : '1'}">${t('statistics.total')}</th>${countCells(ctx, stats.totals).map((c) => html`<td><strong>${c}</strong></td>`)}</tr></tfoot>
</table>
</div>`;
}

export function statisticsPage(ctx: PageContext, stats: UnitStatistics, problem?: PeriodProblem): SafeHtml {
  const { t } = ctx;
  const query = statisticsQuery(stats);
  return html`<h1>${t('statistics.title')}</h1>
<p class="lead">${t('statistics.lead')}</p>
${filterForm(ctx, stats, problem)}
<h2>${stats.unit.name}</h2>
<p>${t('statistics.periodLabel', { from: formatVietnamDate(stats.period.from), to: formatVietnamDate(stats.period.to) })}</p>
<p class="no-print"><a href="/thong-ke.csv?${query}" download>${t('statistics.csv')}</a> · <a href="/thong-ke/so-theo-doi?${query}">${t('statistics.register')}</a></p>
${figures(ctx, stats.totals)}
${charts(ctx, stats)}
${stats.rows.length === 0 ? html`<p>${t('statistics.none')}</p>` : figuresTable(ctx, stats)}
<details><summary>${t('statistics.definitions')}</summary><p>${t('statistics.definitionsBody')}</p></details>`;
}
