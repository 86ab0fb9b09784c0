// The deadline engine: from a reception instant and a statutory time to a due instant, with a derivation
// a citizen can read. Rules (DOMAIN.md "Deadlines", Decree 118/2025, Circular 03/2025 as amended by
// Circular 04/2025):
// - times are counted in working time: the unit's office hours on working days (vendor practice), so
//   "N working days" is N × the length of a normal working day (8 h by default), starting at reception;
// - received before opening or in a break → the count starts when the next session opens;
// - received after closing, on a day off, or after the rule's cut-off (15:00 for certification; 1 hour
//   before closing for online dossiers) → the count starts at the opening of the next working day;
// - a clock stop (supplement awaited, BM.02) removes the working time inside `[from, to)`;
// - one extension (BM.04) adds its working time after the due instant;
// - the due instant is the instant the count runs out: exactly at a session's close it is that close.
import type { HolidayCalendar } from './create-holiday-calendar.ts';
import { toVietnamIso } from './format-vi.ts';
import { countStart } from './internal/count-start.ts';
import {
  daysOffSteps,
  extensionStep,
  extraWorkingDaySteps,
  pauseSteps,
} from './internal/derivation-steps.ts';
import { dueStep, instantText, step } from './internal/derivation-text.ts';
import { instantAt, localJdn } from './internal/local-time.ts';
import { extensionDuration, instant, pauseIntervals, validateRule } from './internal/validate-input.ts';
import { compileWorkingCalendar } from './internal/working-calendar.ts';
import { advanceWorkingTime, mergeIntervals, workingTimeBetween } from './internal/working-time.ts';
import type { DeadlineRule, DerivationStep, DueDate, Extension, OfficeHours, Pause } from './types.ts';

export interface ComputeDueDateOptions {
  /** When the complete dossier was received (the clock is a parameter: pass the reception time). */
  readonly receivedAt: Date;
  readonly rule: DeadlineRule;
  readonly calendar: HolidayCalendar;
  readonly officeHours: OfficeHours;
  /** Clock stops, e.g. awaiting a supplement; an open stop is passed with `to` = now. */
  readonly pauses?: readonly Pause[];
  /** The one extension allowed (BM.04). */
  readonly extension?: Extension;
}

const HOUR_MS = 3_600_000;

/**
 * Computes the due instant (hẹn trả) of a dossier and the steps that explain it.
 *
 * @throws CalendarError INVALID_ARGUMENT, INVALID_RULE, INVALID_OFFICE_HOURS, INVALID_HOLIDAY_TABLE,
 *   OUT_OF_RANGE, NO_WORKING_TIME
 */
export function computeDueDate(options: ComputeDueDateOptions): DueDate {
  const { receivedAt, rule, calendar, officeHours, pauses = [], extension } = options;
  const received = instant(receivedAt, 'receivedAt');
  validateRule(rule);
  const working = compileWorkingCalendar(calendar, officeHours);
  const stops = mergeIntervals(pauseIntervals(pauses));
  const extensionMs = extensionDuration(extension, working.normalDayMs);

  const steps: DerivationStep[] = [];
  const receivedText = instantText(new Date(received));
  steps.push(
    step(
      'RECEIVED',
      { at: toVietnamIso(new Date(received)) },
      { vi: `nhận ${receivedText.vi}`, en: `received ${receivedText.en}` },
    ),
  );
  const start = countStart(working, received, rule.cutoff, steps);

  let durationMs: number;
  let statutory: { vi: string; en: string };
  switch (rule.kind) {
    case 'workingDays':
      durationMs = rule.days * working.normalDayMs;
      statutory = {
        vi: `${rule.days} ngày làm việc`,
        en: `${rule.days} working ${rule.days === 1 ? 'day' : 'days'}`,
      };
      break;
    case 'workingHours':
      durationMs = Math.round(rule.hours * HOUR_MS);
      statutory = {
        vi: `${String(rule.hours).replace('.', ',')} giờ làm việc`, // Vietnamese decimal comma
        en: `${rule.hours} working ${rule.hours === 1 ? 'hour' : 'hours'}`,
      };
      break;
    case 'sameDay': {
      // By the close of the day the count starts on (that day, or the next working day after the cut-off).
      const day = working.day(localJdn(start));
      const close = instantAt(day.jdn, day.sessions.at(-1)?.[1] ?? 0);
      durationMs = workingTimeBetween(working, start, close, []);
      statutory = { vi: 'trả trong ngày', en: 'same day' };
      break;
    }
    case 'immediately':
      durationMs = 0;
      statutory = { vi: 'giải quyết ngay', en: 'immediately' };
      break;
  }
  steps.push(step('STATUTORY_TIME', { kind: rule.kind, durationMinutes: durationMs / 60_000 }, statutory));

  const baseDue = advanceWorkingTime(working, start, durationMs, stops);
  const due = extensionMs > 0 ? advanceWorkingTime(working, baseDue, extensionMs, stops) : baseDue;

  steps.push(...daysOffSteps(working, received, due));
  steps.push(...extraWorkingDaySteps(working, start, due));
  steps.push(...pauseSteps(working, stops, start, due, pauses));
  if (extensionMs > 0) {
    steps.push(extensionStep(extensionMs, baseDue, working.normalDayMs));
  }
  const dueAt = new Date(due);
  steps.push(dueStep(dueAt));
  return { dueAt, derivation: steps };
}
