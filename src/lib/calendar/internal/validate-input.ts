// Checks of the deadline engine's inputs, each failing with a closed CalendarError code.
import { CalendarError } from '../errors.ts';
import type { DeadlineRule, Extension, Pause } from '../types.ts';
import { parseLocalTime } from './local-time.ts';
import type { Interval } from './working-time.ts';

const HOUR_MS = 3_600_000;

export function instant(value: unknown, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new CalendarError('INVALID_ARGUMENT', `${name} must be a valid Date`);
  }
  return ms;
}

export function validateRule(rule: DeadlineRule): void {
  const fail = (message: string): never => {
    throw new CalendarError('INVALID_RULE', message);
  };
  switch (rule?.kind) {
    case 'workingDays':
      if (!Number.isInteger(rule.days) || rule.days < 0) {
        fail('workingDays needs a whole number of days ≥ 0');
      }
      break;
    case 'workingHours':
      if (!Number.isFinite(rule.hours) || rule.hours < 0) {
        fail('workingHours needs hours ≥ 0');
      }
      break;
    case 'sameDay':
      if (!rule.cutoff) {
        fail('sameDay needs a cut-off (15:00 for certification)');
      }
      break;
    case 'immediately':
      break;
    default:
      fail(`unknown rule kind "${(rule as { kind?: unknown })?.kind}"`);
  }
  const cutoff = rule.cutoff;
  if (cutoff) {
    if (cutoff.kind === 'time') {
      parseLocalTime(cutoff.after, 'INVALID_RULE');
    } else if (
      cutoff.kind !== 'beforeClosing' ||
      !Number.isInteger(cutoff.minutes) ||
      cutoff.minutes < 0 ||
      cutoff.minutes > 1440
    ) {
      fail('a cut-off is { kind: "time", after: "HH:MM" } or { kind: "beforeClosing", minutes: 0–1440 }');
    }
  }
}

export function extensionDuration(extension: Extension | undefined, normalDayMs: number): number {
  if (extension === undefined) {
    return 0;
  }
  const days = extension.workingDays ?? 0;
  const hours = extension.workingHours ?? 0;
  if (!Number.isInteger(days) || days < 0 || !Number.isFinite(hours) || hours < 0) {
    throw new CalendarError(
      'INVALID_ARGUMENT',
      'an extension has workingDays (whole, ≥ 0) and/or workingHours (≥ 0)',
    );
  }
  return days * normalDayMs + Math.round(hours * HOUR_MS);
}

/** Clock stops as `[from, to)` intervals in ms. */
export function pauseIntervals(pauses: readonly Pause[]): Interval[] {
  if (!Array.isArray(pauses)) {
    throw new CalendarError('INVALID_ARGUMENT', 'pauses must be an array');
  }
  return pauses.map((pause, index): Interval => {
    const from = instant(pause?.from, `pauses[${index}].from`);
    const to = instant(pause?.to, `pauses[${index}].to`);
    if (to < from) {
      throw new CalendarError('INVALID_ARGUMENT', `pauses[${index}] ends before it starts`);
    }
    return [from, to];
  });
}
