// The calendar admin forms: what the browser posts (flat fields, no JavaScript) to and from the
// library's HolidayTable and OfficeHours, with a field error per row and input.
import type {
  DayOff,
  ExtraWorkingDay,
  HolidayTable,
  OfficeHours,
  Weekday,
} from '../../lib/calendar/index.ts';
import type { FieldErrors } from '../components/form.ts';

export type Form = Readonly<Record<string, string | readonly string[] | undefined>>;

/** One dated row of the holiday table form; `kind` 'working' is a rest day worked (làm bù). */
export interface HolidayRow {
  readonly date: string;
  readonly kind: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly replaces: string;
}

export interface HolidayTableForm {
  readonly reference: string;
  readonly issuedOn: string;
  readonly note: string;
  readonly rows: readonly HolidayRow[];
}

export const ROW_KINDS = ['holiday', 'compensatory', 'swapped', 'working'] as const;
const MAX_ROWS = 120;

const one = (form: Form, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : ((value as string | undefined) ?? '')).trim();
};
const all = (form: Form, name: string): string[] => {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? [...value] : [value as string];
};

/** `YYYY-MM-DD` from the date picker, or `dd/mm/yyyy` typed where there is none; undefined if not a date. */
export function isoDateFrom(text: string): string | undefined {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]?.padStart(2, '0')}-${vn[1]?.padStart(2, '0')}` : text;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? iso
    : undefined;
}

export function holidayFormFromTable(table: HolidayTable): HolidayTableForm {
  const source = table.source.kind === 'decision' ? table.source : undefined;
  const rows: HolidayRow[] = [
    ...table.daysOff.map((d) => ({
      date: d.date,
      kind: d.kind,
      nameVi: d.name.vi,
      nameEn: d.name.en,
      replaces: '',
    })),
    ...table.workingDays.map((d) => ({
      date: d.date,
      kind: 'working',
      nameVi: d.name.vi,
      nameEn: d.name.en,
      replaces: d.replaces ?? '',
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    reference: source?.reference ?? '',
    issuedOn: source?.issuedOn ?? '',
    note: source?.note ?? '',
    rows,
  };
}

/** The rows as posted (`date_0`, `kind_0`, `nameVi_0`, `nameEn_0`, `replaces_0`, … up to `rowCount`). */
export function holidayFormFromPost(form: Form): HolidayTableForm {
  const count = Math.min(Number(one(form, 'rowCount')) || 0, MAX_ROWS);
  const rows: HolidayRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      date: one(form, `date_${i}`),
      kind: one(form, `kind_${i}`),
      nameVi: one(form, `nameVi_${i}`),
      nameEn: one(form, `nameEn_${i}`),
      replaces: one(form, `replaces_${i}`),
    });
  }
  return {
    reference: one(form, 'reference'),
    issuedOn: one(form, 'issuedOn'),
    note: one(form, 'note'),
    rows,
  };
}

const isBlank = (row: HolidayRow) => !row.date && !row.nameVi && !row.nameEn && !row.replaces;

/**
 * The table the form describes, or the errors keyed by input name (blank rows are dropped). An English
 * name left empty takes the Vietnamese one.
 */
export function holidayTableFromForm(
  year: number,
  form: HolidayTableForm,
): { table?: HolidayTable; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  if (!form.reference) {
    errors.reference = 'required';
  }
  const issuedOn = form.issuedOn ? isoDateFrom(form.issuedOn) : undefined;
  if (form.issuedOn && !issuedOn) {
    errors.issuedOn = 'invalidDate';
  }
  const daysOff: DayOff[] = [];
  const workingDays: ExtraWorkingDay[] = [];
  const seen = new Set<string>();
  form.rows.forEach((row, i) => {
    if (isBlank(row)) {
      return;
    }
    const date = isoDateFrom(row.date);
    if (!date) {
      errors[`date_${i}`] = row.date ? 'invalidDate' : 'required';
    } else if (!date.startsWith(`${year}-`)) {
      errors[`date_${i}`] = 'dateNotInYear';
    } else if (seen.has(date)) {
      errors[`date_${i}`] = 'duplicateDate';
    }
    if (date) {
      seen.add(date);
    }
    if (!row.nameVi) {
      errors[`nameVi_${i}`] = 'required';
    }
    const replaces = row.replaces ? isoDateFrom(row.replaces) : undefined;
    if (row.replaces && !replaces) {
      errors[`replaces_${i}`] = 'invalidDate';
    }
    const name = { vi: row.nameVi, en: row.nameEn || row.nameVi };
    if (row.kind === 'working') {
      workingDays.push({ date: date ?? '', name, ...(replaces ? { replaces } : {}) });
    } else if (row.kind === 'holiday' || row.kind === 'compensatory' || row.kind === 'swapped') {
      daysOff.push({ date: date ?? '', kind: row.kind, name });
    } else {
      errors[`kind_${i}`] = 'unknownKind';
    }
  });
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  return {
    errors,
    table: {
      year,
      source: {
        kind: 'decision',
        reference: form.reference,
        ...(issuedOn ? { issuedOn } : {}),
        ...(form.note ? { note: form.note } : {}),
      },
      daysOff: daysOff.sort(byDate),
      workingDays: workingDays.sort(byDate),
    },
  };
}

export interface OfficeHoursForm {
  readonly morningFrom: string;
  readonly morningTo: string;
  readonly afternoonFrom: string;
  readonly afternoonTo: string;
  readonly weekdays: readonly string[];
  readonly saturdayMorning: boolean;
  readonly saturdayFrom: string;
  readonly saturdayTo: string;
}

export function officeHoursFormFrom(hours: OfficeHours): OfficeHoursForm {
  const [morning, afternoon] = hours.sessions;
  const saturday = hours.workingWeekdays.includes(6)
    ? (hours.sessionsByWeekday?.[6] ?? hours.sessions)
    : undefined;
  return {
    morningFrom: morning?.from ?? '',
    morningTo: morning?.to ?? '',
    afternoonFrom: afternoon?.from ?? '',
    afternoonTo: afternoon?.to ?? '',
    weekdays: hours.workingWeekdays.filter((d) => d >= 1 && d <= 5).map(String),
    saturdayMorning: saturday !== undefined,
    saturdayFrom: saturday?.[0]?.from ?? '07:00',
    saturdayTo: saturday?.[0]?.to ?? '11:30',
  };
}

export function officeHoursFormFromPost(form: Form): OfficeHoursForm {
  return {
    morningFrom: one(form, 'morningFrom'),
    morningTo: one(form, 'morningTo'),
    afternoonFrom: one(form, 'afternoonFrom'),
    afternoonTo: one(form, 'afternoonTo'),
    weekdays: all(form, 'weekday'),
    saturdayMorning: one(form, 'saturdayMorning') === 'yes',
    saturdayFrom: one(form, 'saturdayFrom'),
    saturdayTo: one(form, 'saturdayTo'),
  };
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Office hours from the form: one or two sessions a day, Monday–Friday chosen, Saturday morning optional. */
export function officeHoursFromForm(form: OfficeHoursForm): { hours?: OfficeHours; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const time = (name: keyof OfficeHoursForm, isRequired: boolean) => {
    const value = form[name] as string;
    if (value ? !TIME.test(value) : isRequired) {
      errors[name] = value ? 'invalidTime' : 'required';
    }
  };
  time('morningFrom', true);
  time('morningTo', true);
  const hasAfternoon = Boolean(form.afternoonFrom || form.afternoonTo);
  time('afternoonFrom', hasAfternoon);
  time('afternoonTo', hasAfternoon);
  if (form.saturdayMorning) {
    time('saturdayFrom', true);
    time('saturdayTo', true);
  }
  const weekdays = [
    ...new Set(form.weekdays.filter((d) => /^[1-5]$/.test(d)).map(Number)),
  ].sort() as Weekday[];
  if (weekdays.length === 0) {
    errors.weekday = 'required';
  }
  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  const sessions = [
    { from: form.morningFrom, to: form.morningTo },
    ...(hasAfternoon ? [{ from: form.afternoonFrom, to: form.afternoonTo }] : []),
  ];
  return {
    errors,
    hours: {
      sessions,
      workingWeekdays: form.saturdayMorning ? [...weekdays, 6] : weekdays,
      ...(form.saturdayMorning
        ? { sessionsByWeekday: { 6: [{ from: form.saturdayFrom, to: form.saturdayTo }] } }
        : {}),
    },
  };
}
