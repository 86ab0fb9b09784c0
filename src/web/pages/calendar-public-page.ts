// The public working-calendar page (/lich-lam-viec): a unit's holidays of the year, its office hours, and a
// due-date calculator that works without JavaScript (a GET form).
import type { DueDate, HolidayTable, OfficeHours } from '../../lib/calendar/index.ts';
import { formatDateTimeVi, renderDerivation, weekdayOf } from '../../lib/calendar/index.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { button, errorSummary, type FieldErrors, select } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { holidaysTables, officeHoursSummary, tableSource, typedInput, weekdayName } from './calendar-view.ts';

export const PUBLIC_CALENDAR_PATH = '/lich-lam-viec';

/** The calculator's fields as the form sends them. */
export interface CalculatorForm {
  readonly kind?: string;
  readonly days?: string;
  readonly cutoffRule?: string;
  readonly receivedDate?: string;
  readonly receivedTime?: string;
}

export interface PublicCalendarView {
  readonly units: readonly Unit[];
  readonly unit: Unit;
  readonly year: number;
  readonly holidays: HolidayTable;
  readonly holidaysSetBy: string | null;
  readonly officeHours: OfficeHours;
  readonly officeHoursSetBy: string | null;
  readonly form: CalculatorForm;
  readonly result?: DueDate;
  readonly errors?: FieldErrors;
}

function calculator(ctx: PageContext, view: PublicCalendarView): SafeHtml {
  const { t } = ctx;
  const f = view.form;
  const e = view.errors ?? {};
  const labels = {
    kind: t('calendar.calc.kind'),
    days: t('calendar.calc.days'),
    cutoffRule: t('calendar.calc.cutoff'),
    receivedDate: t('calendar.calc.receivedDate'),
    receivedTime: t('calendar.calc.receivedTime'),
  };
  const due = view.result?.dueAt;
  return html`<h2 id="tinh-han">${t('calendar.calc.title')}</h2>
<p>${t('calendar.calc.lead')}</p>
${errorSummary(ctx, { fields: e, labels })}
<form method="get" action="${PUBLIC_CALENDAR_PATH}#ket-qua" novalidate>
  <input type="hidden" name="unit" value="${view.unit.id}">
  <input type="hidden" name="year" value="${view.year}">
  ${select(ctx, {
    name: 'kind',
    label: labels.kind,
    value: f.kind ?? 'workingDays',
    options: ['workingDays', 'sameDay', 'immediately'].map((k) => ({
      value: k,
      label: t(`calendar.rule.${k}` as 'calendar.rule.workingDays'),
    })),
    ...(e.kind ? { error: e.kind } : {}),
  })}
  ${typedInput(ctx, { name: 'days', label: labels.days, type: 'number', value: f.days ?? '5', error: e.days, hint: t('calendar.calc.daysHint') })}
  ${select(ctx, {
    name: 'cutoffRule',
    label: labels.cutoffRule,
    value: f.cutoffRule ?? '',
    options: [
      { value: '', label: t('calendar.cutoff.none') },
      { value: '15:00', label: t('calendar.cutoff.time1500') },
      { value: 'beforeClosing60', label: t('calendar.cutoff.online') },
    ],
    ...(e.cutoffRule ? { error: e.cutoffRule } : {}),
  })}
  ${typedInput(ctx, { name: 'receivedDate', label: labels.receivedDate, type: 'date', value: f.receivedDate, error: e.receivedDate })}
  ${typedInput(ctx, { name: 'receivedTime', label: labels.receivedTime, type: 'time', value: f.receivedTime, error: e.receivedTime })}
  ${button(t('calendar.calc.submit'))}
</form>
${
  view.result && due
    ? html`<div class="banner banner--success" id="ket-qua" role="region" aria-labelledby="ket-qua-title">
  <h3 class="banner__title" id="ket-qua-title">${t('calendar.calc.dueAt', { at: `${formatDateTimeVi(due)} (${weekdayName(ctx, weekdayOf(due))})` })}</h3>
  <ol>${view.result.derivation.map((step) => html`<li>${ctx.locale === 'vi' ? step.vi : step.en}</li>`)}</ol>
  <p class="secondary-text">${renderDerivation(view.result.derivation, ctx.locale)}</p>
</div>`
    : ''
}`;
}

export function publicCalendarPage(ctx: PageContext, view: PublicCalendarView): SafeHtml {
  const { t } = ctx;
  const years = [view.year - 1, view.year, view.year + 1];
  return html`<h1>${t('calendar.public.title')}</h1>
<p class="lead">${t('calendar.public.lead')}</p>
<form method="get" action="${PUBLIC_CALENDAR_PATH}" novalidate>
  ${select(ctx, {
    name: 'unit',
    label: t('calendar.unit'),
    value: view.unit.id,
    options: view.units.map((u) => ({ value: u.id, label: `${u.name} (${t(`unitKind.${u.kind}`)})` })),
  })}
  ${typedInput(ctx, { name: 'year', label: t('calendar.year'), type: 'number', value: String(view.year) })}
  ${button(t('calendar.show'), { variant: 'secondary' })}
</form>
<h2>${t('calendar.officeHoursOf', { unit: view.unit.name })}</h2>
${officeHoursSummary(ctx, view.officeHours, view.officeHoursSetBy ? t('calendar.setBy', { unit: view.officeHoursSetBy }) : t('calendar.defaultHours'))}
<h2>${t('calendar.daysOffTitle', { year: view.year })}</h2>
<p>${tableSource(ctx, view.holidays, view.holidaysSetBy)}</p>
<p>${years.map((y, i) => html`${i > 0 ? ' · ' : ''}${y === view.year ? html`<strong>${y}</strong>` : html`<a href="${PUBLIC_CALENDAR_PATH}?unit=${view.unit.id}&amp;year=${y}">${y}</a>`}`)}</p>
${holidaysTables(ctx, view.holidays)}
${calculator(ctx, view)}`;
}
