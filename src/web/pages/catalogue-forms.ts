// The procedure and adoption forms as flat HTML fields, both ways: a procedure's content → field values
// (to pre-fill), and posted field values → typed content for the use cases. Input names are the use
// cases' field paths (`documents.0.name`), so their errors land on the right input with no mapping.
// Repeating rows (documents, fees, steps) work without JavaScript: the filled rows plus blank ones.
import type {
  DocumentForm,
  ProcedureAdjustments,
  ProcedureContent,
  ProcedureLevel,
  StatutoryTime,
  StepRole,
  TimeBudget,
} from '../../modules/catalogue/procedure.types.ts';
import { formatVietnamDate, vietnamDate } from '../../modules/catalogue/vietnam-date.ts';

export type FormValues = Readonly<Record<string, string | undefined>>;

export const BLANK_ROWS = 3;
const MAX_ROWS = 40;
const ROWS = { documents: 'name', fees: 'name', steps: 'name' } as const;

/** `01/07/2026` or `2026-07-01` → `2026-07-01`; anything else is returned as typed (the use case refuses it). */
export function parseDateInput(value: string | undefined): string {
  const text = (value ?? '').trim();
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : text;
}

/** A whole number; Vietnamese thousands separators (dots, spaces) are ignored. Empty → NaN. */
function parseWhole(value: string | undefined): number {
  const text = (value ?? '').replace(/[.\s]/g, '');
  return text === '' ? Number.NaN : Number(text);
}

/** A decimal with a comma or a dot (1,5 = 1.5). Empty → NaN. */
function parseDecimal(value: string | undefined): number {
  const text = (value ?? '').trim().replace(',', '.');
  return text === '' ? Number.NaN : Number(text);
}

const budgetUnit = (value: string | undefined): TimeBudget['unit'] =>
  value === 'workingHours' ? 'workingHours' : 'workingDays';

/** Values re-keyed so filled rows are 0, 1, 2 … (blank rows dropped), as the parsed content numbers them. */
export function compactRows(form: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (value !== undefined && !/^(documents|fees|steps)\.\d+\./.test(key)) {
      out[key] = value;
    }
  }
  for (const [group, nameField] of Object.entries(ROWS)) {
    let next = 0;
    for (let i = 0; i < MAX_ROWS; i++) {
      if (!(form[`${group}.${i}.${nameField}`] ?? '').trim()) {
        continue;
      }
      const prefix = `${group}.${i}.`;
      for (const [key, value] of Object.entries(form)) {
        if (key.startsWith(prefix) && value !== undefined) {
          out[`${group}.${next}.${key.slice(prefix.length)}`] = value;
        }
      }
      next++;
    }
  }
  return out;
}

function rowCount(values: FormValues, group: string): number {
  let n = 0;
  while (values[`${group}.${n}.name`] !== undefined) {
    n++;
  }
  return n;
}

function parseStatutoryTime(v: FormValues): StatutoryTime {
  const after = (v['statutoryTime.cutoff'] ?? '').trim();
  const cutoff = after ? { cutoff: { kind: 'time' as const, after } } : {};
  switch (v['statutoryTime.kind']) {
    case 'workingDays':
      return { kind: 'workingDays', days: parseWhole(v['statutoryTime.amount']), ...cutoff };
    case 'workingHours':
      return { kind: 'workingHours', hours: parseWhole(v['statutoryTime.amount']), ...cutoff };
    case 'sameDay':
      // Validation reports a missing cut-off; the cast keeps the shape for that check.
      return { kind: 'sameDay', ...cutoff } as StatutoryTime;
    default:
      return { kind: (v['statutoryTime.kind'] ?? '') as 'immediately', ...cutoff };
  }
}

/** Posted (compacted) values → the content the use cases validate. */
export function parseProcedureForm(v: FormValues): ProcedureContent {
  const text = (key: string) => (v[key] ?? '').trim();
  const isExtensionAllowed = v.isExtensionAllowed === 'yes';
  return {
    name: text('name'),
    nameEn: text('nameEn'),
    field: text('field'),
    level: text('level') as ProcedureLevel,
    legalBasis: (v.legalBasis ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    statutoryTime: parseStatutoryTime(v),
    isExtensionAllowed,
    extensionLimitDays:
      isExtensionAllowed && text('extensionLimitDays') ? parseWhole(v.extensionLimitDays) : null,
    isClockStoppable: v.isClockStoppable === 'yes',
    documents: Array.from({ length: rowCount(v, 'documents') }, (_, i) => ({
      name: text(`documents.${i}.name`),
      form: text(`documents.${i}.form`) as DocumentForm,
      count: parseWhole(v[`documents.${i}.count`]),
      isScanAccepted: v[`documents.${i}.isScanAccepted`] === 'yes',
    })),
    fees: Array.from({ length: rowCount(v, 'fees') }, (_, i) => ({
      name: text(`fees.${i}.name`),
      amountVnd: parseWhole(v[`fees.${i}.amountVnd`]),
      per: text(`fees.${i}.per`),
    })),
    steps: Array.from({ length: rowCount(v, 'steps') }, (_, i) => ({
      name: text(`steps.${i}.name`),
      role: text(`steps.${i}.role`) as StepRole,
      budget: {
        unit: budgetUnit(v[`steps.${i}.budget.unit`]),
        amount: parseDecimal(v[`steps.${i}.budget.amount`]),
      },
    })),
    resultType: text('resultType'),
  };
}

/** A version's content → field values, to pre-fill the form for the next version. */
export function procedureFormValues(content: ProcedureContent, effectiveFrom: Date): Record<string, string> {
  const time = content.statutoryTime;
  const out: Record<string, string> = {
    effectiveFrom: formatVietnamDate(vietnamDate(effectiveFrom)),
    name: content.name,
    nameEn: content.nameEn,
    field: content.field,
    level: content.level,
    legalBasis: content.legalBasis.join('\n'),
    'statutoryTime.kind': time.kind,
    'statutoryTime.amount':
      time.kind === 'workingDays'
        ? String(time.days)
        : time.kind === 'workingHours'
          ? String(time.hours)
          : '',
    'statutoryTime.cutoff': time.cutoff?.kind === 'time' ? time.cutoff.after : '',
    isExtensionAllowed: content.isExtensionAllowed ? 'yes' : '',
    extensionLimitDays: content.extensionLimitDays === null ? '' : String(content.extensionLimitDays),
    isClockStoppable: content.isClockStoppable ? 'yes' : '',
    resultType: content.resultType,
  };
  content.documents.forEach((d, i) => {
    Object.assign(out, {
      [`documents.${i}.name`]: d.name,
      [`documents.${i}.form`]: d.form,
      [`documents.${i}.count`]: String(d.count),
      [`documents.${i}.isScanAccepted`]: d.isScanAccepted ? 'yes' : '',
    });
  });
  content.fees.forEach((f, i) => {
    Object.assign(out, {
      [`fees.${i}.name`]: f.name,
      [`fees.${i}.amountVnd`]: String(f.amountVnd),
      [`fees.${i}.per`]: f.per,
    });
  });
  content.steps.forEach((s, i) => {
    Object.assign(out, {
      [`steps.${i}.name`]: s.name,
      [`steps.${i}.role`]: s.role,
      [`steps.${i}.budget.amount`]: String(s.budget.amount),
      [`steps.${i}.budget.unit`]: s.budget.unit,
    });
  });
  return out;
}

/** Posted adoption values → adjustments: only amounts and budgets that differ from the province's. */
export function parseAdoptionForm(
  v: FormValues,
  province: Pick<ProcedureContent, 'fees' | 'steps'>,
): ProcedureAdjustments {
  const fees = province.fees.flatMap((fee, index) => {
    const amountVnd = parseWhole(v[`fees.${index}.amountVnd`] ?? String(fee.amountVnd));
    return amountVnd === fee.amountVnd ? [] : [{ index, amountVnd }];
  });
  const stepBudgets = province.steps.flatMap((step, index) => {
    const budget = {
      unit: budgetUnit(v[`steps.${index}.budget.unit`] ?? step.budget.unit),
      amount: parseDecimal(v[`steps.${index}.budget.amount`] ?? String(step.budget.amount)),
    };
    return budget.unit === step.budget.unit && budget.amount === step.budget.amount
      ? []
      : [{ index, budget }];
  });
  return { fees, stepBudgets, note: (v.note ?? '').trim() };
}
