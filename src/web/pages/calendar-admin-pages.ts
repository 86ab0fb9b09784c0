// The unit administrator's calendar pages: the province's holiday table of a year (as dated rows), and a
// unit's office hours. Plain forms, error summaries, no JavaScript.
import type { HolidayTable, OfficeHours } from '../../lib/calendar/index.ts';
import type { Unit } from '../../modules/organisation/unit.table.ts';
import { notificationBanner, table } from '../components/content.ts';
import { button, csrfField, errorSummary, type FieldErrors, textInput } from '../components/form.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import type { HolidayTableForm, OfficeHoursForm } from './calendar-forms.ts';
import { ROW_KINDS } from './calendar-forms.ts';
import { holidaysTables, officeHoursSummary, tableSource, typedInput, weekdayName } from './calendar-view.ts';

export const ADMIN_CALENDAR_PATH = '/admin/calendar';

export function calendarAdminHome(
  ctx: PageContext,
  options: { provinces: readonly { unit: Unit; canEdit: boolean }[]; units: readonly Unit[]; year: number },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('calendar.admin.title')}</h1>
<p class="lead">${t('calendar.admin.lead')}</p>
${table({
  caption: t('calendar.admin.holidayTables'),
  head: [t('calendar.unit'), t('common.actions')],
  rows: options.provinces.map((p) => [
    p.unit.name,
    html`<a href="${ADMIN_CALENDAR_PATH}/holidays?unit=${p.unit.id}&amp;year=${options.year}">${p.canEdit ? t('calendar.admin.editHolidays') : t('calendar.admin.viewHolidays')}</a>`,
  ]),
})}
${table({
  caption: t('calendar.admin.officeHours'),
  head: [t('calendar.unit'), t('common.actions')],
  rows: options.units.map((u) => [
    `${u.name} (${t(`unitKind.${u.kind}`)})`,
    html`<a href="${ADMIN_CALENDAR_PATH}/office-hours?unit=${u.id}">${t('calendar.admin.editOfficeHours')}</a>`,
  ]),
})}`;
}

function rowInputs(
  ctx: PageContext,
  i: number,
  row: HolidayTableForm['rows'][number] | undefined,
  errors: FieldErrors,
) {
  const { t } = ctx;
  const label = (what: string) => t('calendar.admin.rowField', { row: i + 1, field: what });
  const input = (name: string, value: string, type: 'date' | 'text', what: string) => {
    const id = `${name}_${i}`;
    return html`<label class="visually-hidden" for="${id}">${label(what)}</label><input class="input${errors[id] ? ' input--error' : ''}" id="${id}" name="${id}" type="${type}" value="${value}"${errors[id] ? html` aria-invalid="true"` : ''}>`;
  };
  const kind = row?.kind ?? 'holiday';
  return [
    input('date', row?.date ?? '', 'date', t('calendar.date')),
    html`<label class="visually-hidden" for="kind_${i}">${label(t('calendar.kind'))}</label><select class="select" id="kind_${i}" name="kind_${i}">${ROW_KINDS.map((k) => html`<option value="${k}"${k === kind ? html` selected` : ''}>${t(`calendar.kind.${k}`)}</option>`)}</select>`,
    input('nameVi', row?.nameVi ?? '', 'text', t('calendar.nameVi')),
    input('nameEn', row?.nameEn ?? '', 'text', t('calendar.nameEn')),
    input('replaces', row?.replaces ?? '', 'date', t('calendar.replaces')),
  ];
}

export function holidayTablePage(
  ctx: PageContext,
  options: {
    province: Unit;
    year: number;
    canEdit: boolean;
    /** The table in force: the province's own, or the defaults. */
    current: HolidayTable;
    isOfficial: boolean;
    form: HolidayTableForm;
    blankRows: number;
    errors?: FieldErrors;
    message?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const { province, year } = options;
  const errors = options.errors ?? {};
  const labels: Record<string, string> = {
    reference: t('calendar.admin.reference'),
    issuedOn: t('calendar.admin.issuedOn'),
  };
  for (const name of Object.keys(errors)) {
    const match = /^(date|kind|nameVi|nameEn|replaces)_(\d+)$/.exec(name);
    if (match) {
      const field = {
        date: 'calendar.date',
        kind: 'calendar.kind',
        nameVi: 'calendar.nameVi',
        nameEn: 'calendar.nameEn',
        replaces: 'calendar.replaces',
      }[match[1] as 'date'] as 'calendar.date';
      labels[name] = t('calendar.admin.rowField', { row: Number(match[2]) + 1, field: t(field) });
    }
  }
  const rows = [...options.form.rows, ...Array.from({ length: options.blankRows }, () => undefined)];
  const yearLinks = [year - 1, year, year + 1, year + 2].map(
    (y, i) =>
      html`${i > 0 ? ' · ' : ''}${y === year ? html`<strong>${y}</strong>` : html`<a href="${ADMIN_CALENDAR_PATH}/holidays?unit=${province.id}&amp;year=${y}">${y}</a>`}`,
  );
  const status = options.isOfficial
    ? tableSource(ctx, options.current, province.name)
    : t('calendar.admin.usingDefaults', { year });
  const editor = html`<form method="post" action="${ADMIN_CALENDAR_PATH}/holidays" id="table" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${province.id}">
  <input type="hidden" name="year" value="${year}">
  <input type="hidden" name="rowCount" value="${rows.length}">
  ${textInput(ctx, { name: 'reference', label: labels.reference ?? '', value: options.form.reference, error: errors.reference, isRequired: true, hint: t('calendar.admin.referenceHint') })}
  ${typedInput(ctx, { name: 'issuedOn', label: `${labels.issuedOn} (${t('common.optional')})`, type: 'date', value: options.form.issuedOn, error: errors.issuedOn })}
  ${textInput(ctx, { name: 'note', label: t('calendar.admin.note'), value: options.form.note })}
  ${table({
    caption: t('calendar.admin.rowsCaption', { year }),
    head: [
      t('calendar.date'),
      t('calendar.kind'),
      t('calendar.nameVi'),
      t('calendar.nameEn'),
      t('calendar.replaces'),
    ],
    rows: rows.map((row, i) => rowInputs(ctx, i, row, errors)),
  })}
  <p class="hint">${t('calendar.admin.rowsHint')}</p>
  <div class="button-group">${button(t('calendar.admin.saveTable'))}${button(t('calendar.admin.addRows'), { variant: 'secondary', name: 'intent', value: 'addRows' })}</div>
</form>
${
  options.isOfficial
    ? html`<form method="post" action="${ADMIN_CALENDAR_PATH}/holidays/delete" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${province.id}">
  <input type="hidden" name="year" value="${year}">
  ${button(t('calendar.admin.deleteTable'), { variant: 'warning' })}
</form>`
    : ''
}`;
  return html`${errorSummary(ctx, { message: options.message, fields: errors, labels })}
<p><a href="${ADMIN_CALENDAR_PATH}">${t('common.back')}</a></p>
<h1>${t('calendar.admin.holidaysTitle', { unit: province.name, year })}</h1>
<p>${yearLinks}</p>
${notificationBanner({ kind: 'info', title: t('calendar.source'), body: status })}
${options.canEdit ? editor : html`<p>${t('calendar.admin.readOnly')}</p>${holidaysTables(ctx, options.current)}`}`;
}

export function officeHoursPage(
  ctx: PageContext,
  options: {
    unit: Unit;
    current: OfficeHours;
    /** Name of the unit whose hours apply, null for the defaults. */
    currentFrom: string | null;
    isOwn: boolean;
    form: OfficeHoursForm;
    errors?: FieldErrors;
    message?: string;
  },
): SafeHtml {
  const { t } = ctx;
  const f = options.form;
  const e = options.errors ?? {};
  const labels = {
    morningFrom: t('calendar.admin.morningFrom'),
    morningTo: t('calendar.admin.morningTo'),
    afternoonFrom: t('calendar.admin.afternoonFrom'),
    afternoonTo: t('calendar.admin.afternoonTo'),
    saturdayFrom: t('calendar.admin.saturdayFrom'),
    saturdayTo: t('calendar.admin.saturdayTo'),
    weekday: t('calendar.workingDays'),
  };
  const time = (name: keyof typeof labels & keyof OfficeHoursForm) =>
    typedInput(ctx, { name, label: labels[name], type: 'time', value: f[name] as string, error: e[name] });
  const source = options.currentFrom
    ? t('calendar.setBy', { unit: options.currentFrom })
    : t('calendar.defaultHours');
  return html`${errorSummary(ctx, { message: options.message, fields: e, labels })}
<p><a href="${ADMIN_CALENDAR_PATH}">${t('common.back')}</a></p>
<h1>${t('calendar.officeHoursOf', { unit: options.unit.name })}</h1>
${officeHoursSummary(ctx, options.current, source)}
<h2>${t('calendar.admin.changeHours')}</h2>
<form method="post" action="${ADMIN_CALENDAR_PATH}/office-hours" id="officeHours" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="unit" value="${options.unit.id}">
  ${time('morningFrom')}${time('morningTo')}${time('afternoonFrom')}${time('afternoonTo')}
  <div class="form-group${e.weekday ? ' form-group--error' : ''}"><fieldset id="weekday">
    <legend class="label">${labels.weekday}</legend>
    ${e.weekday ? html`<p class="error-message">${t('field.required')}</p>` : ''}
    ${([1, 2, 3, 4, 5] as const).map((d) => html`<div><input type="checkbox" id="weekday-${d}" name="weekday" value="${d}"${f.weekdays.includes(String(d)) ? html` checked` : ''}> <label for="weekday-${d}">${weekdayName(ctx, d)}</label></div>`)}
  </fieldset></div>
  <div class="form-group"><input type="checkbox" id="saturdayMorning" name="saturdayMorning" value="yes"${f.saturdayMorning ? html` checked` : ''}> <label for="saturdayMorning">${t('calendar.admin.saturdayMorning')}</label>
    <p class="hint">${t('calendar.admin.saturdayHint')}</p></div>
  ${time('saturdayFrom')}${time('saturdayTo')}
  ${button(t('common.save'))}
</form>
${
  options.isOwn
    ? html`<form method="post" action="${ADMIN_CALENDAR_PATH}/office-hours/clear" novalidate>
  ${csrfField(ctx)}<input type="hidden" name="unit" value="${options.unit.id}">
  ${button(t('calendar.admin.clearHours'), { variant: 'warning' })}
</form>`
    : ''
}`;
}
