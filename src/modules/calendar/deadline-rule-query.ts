// A deadline rule given as query parameters (the public calculator and `GET /api/v1/calendar/due-date`):
// `kind=workingDays&days=5&cutoff=15:00`, `kind=sameDay&cutoff=15:00`, `kind=workingHours&hours=4`,
// `kind=immediately`, and `beforeClosing=60` for the online-dossier cut-off (1 hour before closing).
import type { Cutoff, DeadlineRule } from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';

export const RULE_KINDS = ['workingDays', 'workingHours', 'sameDay', 'immediately'] as const;

export interface DeadlineRuleQuery {
  readonly kind?: string | undefined;
  readonly days?: string | undefined;
  readonly hours?: string | undefined;
  /** `HH:MM`: received strictly after it → the count starts the next working day. */
  readonly cutoff?: string | undefined;
  /** Minutes: received within them before closing → the count starts the next working day. */
  readonly beforeClosing?: string | undefined;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const WHOLE = /^[0-9]{1,3}$/;
const DECIMAL = /^[0-9]{1,4}([.,][0-9]{1,2})?$/;

/** @throws AppError VALIDATION_FAILED with a field per bad parameter */
export function deadlineRuleFromQuery(query: DeadlineRuleQuery): DeadlineRule {
  const fields: Record<string, string> = {};
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  let cutoff: Cutoff | undefined;
  if (!blank(query.cutoff) && !blank(query.beforeClosing)) {
    fields.beforeClosing = 'oneCutoffOnly';
  } else if (!blank(query.cutoff)) {
    const after = (query.cutoff ?? '').trim();
    if (TIME.test(after)) {
      cutoff = { kind: 'time', after };
    } else {
      fields.cutoff = 'invalidTime';
    }
  } else if (!blank(query.beforeClosing)) {
    const minutes = (query.beforeClosing ?? '').trim();
    if (WHOLE.test(minutes) && Number(minutes) <= 1440) {
      cutoff = { kind: 'beforeClosing', minutes: Number(minutes) };
    } else {
      fields.beforeClosing = 'invalidNumber';
    }
  }
  const withCutoff = cutoff ? { cutoff } : {};
  let rule: DeadlineRule | undefined;
  switch (query.kind) {
    case 'workingDays': {
      const days = (query.days ?? '').trim();
      if (WHOLE.test(days)) {
        rule = { kind: 'workingDays', days: Number(days), ...withCutoff };
      } else {
        fields.days = blank(query.days) ? 'required' : 'invalidNumber';
      }
      break;
    }
    case 'workingHours': {
      const hours = (query.hours ?? '').trim();
      if (DECIMAL.test(hours)) {
        rule = { kind: 'workingHours', hours: Number(hours.replace(',', '.')), ...withCutoff };
      } else {
        fields.hours = blank(query.hours) ? 'required' : 'invalidNumber';
      }
      break;
    }
    case 'sameDay':
      if (cutoff) {
        rule = { kind: 'sameDay', cutoff };
      } else if (!fields.cutoff && !fields.beforeClosing) {
        fields.cutoff = 'required';
      }
      break;
    case 'immediately':
      rule = { kind: 'immediately', ...withCutoff };
      break;
    default:
      fields.kind = blank(query.kind) ? 'required' : 'unknownRule';
  }
  if (!rule || Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The deadline rule is not valid.', { fields });
  }
  return rule;
}
