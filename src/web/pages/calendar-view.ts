// Pieces shared by the calendar pages: a date with its weekday, office hours, a year's days off.
import {
  formatDateVi,
  type HolidayTable,
  type OfficeHours,
  type Weekday,
  weekdayNameEn,
  weekdayNameVi,
  weekdayOf,
} from '../../lib/calendar/index.ts';
import { table } from '../components/content.ts';
import { fieldMessage } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';

export function civilOf(isoDate: string) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

export function weekdayName(ctx: PageContext, weekday: Weekday): string {
  return ctx.locale === 'vi' ? weekdayNameVi(weekday) : weekdayNameEn(weekday);
}

/** "thứ Hai 16/02/2026" / "Monday 16/02/2026". */
export function dayLabel(ctx: PageContext, isoDate: string): string {
  const civil = civilOf(isoDate);
  return `${weekdayName(ctx, weekdayOf(civil))} ${formatDateVi(civil)}`;
}

const sessionsText = (sessions: readonly { from: string; to: string }[]) =>
  sessions.map((s) => `${s.from}–${s.to}`).join(', ');

/** Working days and sessions as a summary list. */
export function officeHoursSummary(ctx: PageContext, hours: OfficeHours, source: string): SafeHtml {
  const { t } = ctx;
  const order: Weekday[] = [1, 2, 3, 4, 5, 6, 0];
  const days = order.filter((d) => hours.workingWeekdays.includes(d));
  const special = order.filter((d) => hours.sessionsByWeekday?.[d] && days.includes(d));
  return html`<dl class="summary-list">
  <div><dt>${t('calendar.workingDays')}</dt><dd>${days.map((d) => weekdayName(ctx, d)).join(', ')}</dd></div>
  <div><dt>${t('calendar.sessions')}</dt><dd>${sessionsText(hours.sessions)}</dd></div>
  ${special.map(
    (d) =>
      html`<div><dt>${weekdayName(ctx, d)}</dt><dd>${sessionsText(hours.sessionsByWeekday?.[d] ?? [])}</dd></div>`,
  )}
  <div><dt>${t('calendar.source')}</dt><dd>${source}</dd></div>
</dl>`;
}

/** Where a year's table comes from, in one sentence. */
export function tableSource(ctx: PageContext, holidays: HolidayTable, setBy: string | null): string {
  if (holidays.source.kind === 'decision') {
    return ctx.t('calendar.sourceDecision', {
      reference: holidays.source.reference,
      unit: setBy ?? '',
    });
  }
  return ctx.t('calendar.sourceDefault');
}

/** The days off and the extra working days of a year. */
export function holidaysTables(ctx: PageContext, holidays: HolidayTable): SafeHtml {
  const { t } = ctx;
  const name = (text: { vi: string; en: string }) => (ctx.locale === 'vi' ? text.vi : text.en);
  return html`${table({
    caption: t('calendar.daysOffCaption', { year: holidays.year }),
    head: [t('calendar.date'), t('calendar.name'), t('calendar.kind')],
    rows: holidays.daysOff.map((d) => [dayLabel(ctx, d.date), name(d.name), t(`calendar.kind.${d.kind}`)]),
  })}
${
  holidays.workingDays.length > 0
    ? table({
        caption: t('calendar.workingDaysCaption'),
        head: [t('calendar.date'), t('calendar.name'), t('calendar.replaces')],
        rows: holidays.workingDays.map((d) => [
          dayLabel(ctx, d.date),
          name(d.name),
          d.replaces ? dayLabel(ctx, d.replaces) : '',
        ]),
      })
    : ''
}`;
}

/**
 * A date, time or number field in the design system's markup (components/form.ts `textInput` only makes
 * text-like types); the browser's own picker, no JavaScript.
 */
export function typedInput(
  ctx: PageContext,
  o: {
    name: string;
    label: string;
    type: 'date' | 'time' | 'number';
    value?: string | undefined;
    error?: string | undefined;
    hint?: string;
    isLabelHidden?: boolean;
  },
): SafeHtml {
  const describedBy = [o.hint ? `${o.name}-hint` : '', o.error ? `${o.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="form-group${o.error ? ' form-group--error' : ''}">
  <label class="label${o.isLabelHidden ? ' visually-hidden' : ''}" for="${o.name}">${o.label}</label>
  ${o.hint ? html`<div class="hint" id="${o.name}-hint">${o.hint}</div>` : ''}
  ${o.error ? html`<p class="error-message" id="${o.name}-error"><span class="visually-hidden">${ctx.t('errors.pageTitle')}:</span> ${fieldMessage(ctx, o.error)}</p>` : ''}
  <input class="input input--third${o.error ? ' input--error' : ''}" id="${o.name}" name="${o.name}" type="${o.type}" value="${o.value ?? ''}"${o.type === 'number' ? html` min="0" step="1" inputmode="numeric"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>
</div>`;
}
