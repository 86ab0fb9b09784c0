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
import { CalendarError } from './errors.ts';
import { formatDateVi, formatTimeVi, toVietnamIso, weekdayNameEn, weekdayNameVi } from './format-vi.ts';
import { dueStep, durationText, instantText, spanText, step } from './internal/derivation-text.ts';
import {
  formatMinute,
  instantAt,
  localJdn,
  localMinuteOfDay,
  parseLocalTime,
} from './internal/local-time.ts';
import { compileWorkingCalendar, type WorkingCalendar } from './internal/working-calendar.ts';
import {
  advanceWorkingTime,
  type Interval,
  mergeIntervals,
  workingTimeBetween,
} from './internal/working-time.ts';
import type {
  Cutoff,
  DeadlineRule,
  DerivationStep,
  DueDate,
  Extension,
  OfficeHours,
  Pause,
} from './types.ts';

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
  const stops = mergeIntervals(
    pauses.map((pause, index): Interval => {
      const from = instant(pause?.from, `pauses[${index}].from`);
      const to = instant(pause?.to, `pauses[${index}].to`);
      if (to < from) {
        throw new CalendarError('INVALID_ARGUMENT', `pauses[${index}] ends before it starts`);
      }
      return [from, to];
    }),
  );
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
        vi: `${rule.hours} giờ làm việc`,
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
    const text = durationText(extensionMs, working.normalDayMs);
    steps.push(
      step(
        'EXTENSION',
        { workingMinutes: extensionMs / 60_000, previousDueAt: toVietnamIso(new Date(baseDue)) },
        {
          vi: `gia hạn ${text.vi} làm việc (hẹn cũ ${formatTimeVi(new Date(baseDue))} ngày ${formatDateVi(new Date(baseDue))})`,
          en: `extended by ${text.en} of working time (previously due ${formatTimeVi(new Date(baseDue))} on ${formatDateVi(new Date(baseDue))})`,
        },
      ),
    );
  }
  const dueAt = new Date(due);
  steps.push(dueStep(dueAt));
  return { dueAt, derivation: steps };
}

/** Where the count starts, pushing the START_* step that explains a move. */
function countStart(
  working: WorkingCalendar,
  received: number,
  cutoff: Cutoff | undefined,
  steps: DerivationStep[],
): number {
  const jdn = localJdn(received);
  const minute = localMinuteOfDay(received);
  const day = working.day(jdn);
  const nextWorkingDay = (reason: string, text: { vi: string; en: string }): number => {
    let next = jdn + 1;
    while (!working.day(next).isWorkingDay) {
      next++;
      if (next - jdn > 3653) {
        throw new CalendarError('NO_WORKING_TIME', 'no working day within 10 years');
      }
    }
    const target = working.day(next);
    const start = instantAt(next, target.sessions[0]?.[0] ?? 0);
    const at = instantText(new Date(start));
    steps.push(
      step(
        'START_NEXT_WORKING_DAY',
        { reason, start: toVietnamIso(new Date(start)) },
        {
          vi: `${text.vi}: tính từ ngày làm việc tiếp theo, ${at.vi}`,
          en: `${text.en}: counted from the next working day, ${at.en}`,
        },
      ),
    );
    return start;
  };

  if (!day.isWorkingDay) {
    const name = day.entry.dayOff?.name ?? { vi: weekdayNameVi(day.weekday), en: weekdayNameEn(day.weekday) };
    return nextWorkingDay('NON_WORKING_DAY', { vi: `ngày nghỉ (${name.vi})`, en: `a day off (${name.en})` });
  }
  const opening = day.sessions[0]?.[0] ?? 0;
  const closing = day.sessions.at(-1)?.[1] ?? 0;
  if (cutoff?.kind === 'time') {
    const after = parseLocalTime(cutoff.after, 'INVALID_RULE');
    if (minute > after) {
      return nextWorkingDay('AFTER_CUTOFF', { vi: `sau ${cutoff.after}`, en: `after ${cutoff.after}` });
    }
  }
  if (cutoff?.kind === 'beforeClosing' && minute >= closing - cutoff.minutes && minute < closing) {
    const span = durationText(cutoff.minutes * 60_000);
    const close = formatMinute(closing);
    return nextWorkingDay('BEFORE_CLOSING', {
      vi: `trong ${span.vi} trước giờ đóng cửa (${close})`,
      en: `within ${span.en} before closing (${close})`,
    });
  }
  if (minute >= closing) {
    return nextWorkingDay('AFTER_HOURS', { vi: 'sau giờ làm việc', en: 'after office hours' });
  }
  for (const [from, to] of day.sessions) {
    if (minute < from) {
      const start = instantAt(jdn, from);
      const reason = from === opening ? 'BEFORE_OPENING' : 'BREAK';
      const time = formatMinute(from);
      steps.push(
        step(
          'START_NEXT_SESSION',
          { reason, start: toVietnamIso(new Date(start)) },
          reason === 'BEFORE_OPENING'
            ? { vi: `trước giờ làm việc: tính từ ${time}`, en: `before opening: counted from ${time}` }
            : { vi: `trong giờ nghỉ: tính từ ${time}`, en: `during the break: counted from ${time}` },
        ),
      );
      return start;
    }
    if (minute < to) {
      return received;
    }
  }
  /* c8 ignore next */
  return received;
}

/** SKIP_DAYS_OFF for each run of non-working days between reception and due that holds a table day off. */
function daysOffSteps(working: WorkingCalendar, received: number, due: number): DerivationStep[] {
  const result: DerivationStep[] = [];
  const lastDay = localJdn(due);
  let jdn = localJdn(received);
  // A run the reception day sits in is shown whole, from its first day.
  while (!working.day(jdn - 1).isWorkingDay && localJdn(received) - jdn < 60) {
    jdn--;
  }
  while (jdn <= lastDay) {
    if (working.day(jdn).isWorkingDay) {
      jdn++;
      continue;
    }
    const first = jdn;
    const vi: string[] = [];
    const en: string[] = [];
    const note = (text: { vi: string; en: string }): void => {
      if (!vi.includes(text.vi)) {
        vi.push(text.vi);
        en.push(text.en);
      }
    };
    while (!working.day(jdn).isWorkingDay && jdn - first < 366) {
      const dayOff = working.day(jdn).entry.dayOff;
      if (dayOff?.kind === 'holiday') {
        note(dayOff.name);
      } else if (dayOff?.kind === 'compensatory') {
        note({ vi: 'nghỉ bù', en: 'compensatory day off' });
      } else if (dayOff?.kind === 'swapped') {
        note({ vi: 'nghỉ hoán đổi', en: 'swapped day off' });
      }
      jdn++;
    }
    if (vi.length > 0) {
      const from = working.day(first).date;
      const to = working.day(jdn - 1).date;
      const span = spanText(from, to);
      result.push(
        step(
          'SKIP_DAYS_OFF',
          { from, to, names: vi.join(', ') },
          { vi: `trừ ${vi.join(', ')} ${span}`, en: `excluding ${en.join(', ')} ${span}` },
        ),
      );
    }
  }
  return result;
}

/** EXTRA_WORKING_DAY for each rest day made a working day that the count ran through. */
function extraWorkingDaySteps(working: WorkingCalendar, start: number, due: number): DerivationStep[] {
  const result: DerivationStep[] = [];
  for (let jdn = localJdn(start); jdn <= localJdn(due); jdn++) {
    const day = working.day(jdn);
    const extra = day.entry.workingDay;
    if (
      extra &&
      day.isWorkingDay &&
      workingTimeBetween(
        working,
        Math.max(start, instantAt(jdn, 0)),
        Math.min(due, instantAt(jdn + 1, 0)),
        [],
      ) > 0
    ) {
      const date = formatDateVi({
        year: Number(day.date.slice(0, 4)),
        month: Number(day.date.slice(5, 7)),
        day: Number(day.date.slice(8)),
      });
      result.push(
        step(
          'EXTRA_WORKING_DAY',
          { date: day.date },
          {
            vi: `tính ${weekdayNameVi(day.weekday)} ${date} (${extra.name.vi})`,
            en: `counting ${weekdayNameEn(day.weekday)} ${date} (${extra.name.en})`,
          },
        ),
      );
    }
  }
  return result;
}

/** PAUSE for each merged clock stop, with the working time it actually removed from `[start, due)`. */
function pauseSteps(
  working: WorkingCalendar,
  stops: readonly Interval[],
  start: number,
  due: number,
  pauses: readonly Pause[],
): DerivationStep[] {
  const isSupplement = pauses.every((pause) => pause.reason !== 'other');
  return stops.map(([from, to]) => {
    const removed = workingTimeBetween(working, Math.max(from, start), Math.min(to, due), []);
    const text = durationText(removed);
    const fromText = `${formatTimeVi(new Date(from))} ${formatDateVi(new Date(from))}`;
    const toText = `${formatTimeVi(new Date(to))} ${formatDateVi(new Date(to))}`;
    return step(
      'PAUSE',
      {
        from: toVietnamIso(new Date(from)),
        to: toVietnamIso(new Date(to)),
        workingMinutes: removed / 60_000,
      },
      {
        vi: `${isSupplement ? 'tạm dừng chờ bổ sung' : 'tạm dừng'} ${fromText}–${toText}: không tính ${text.vi} làm việc`,
        en: `${isSupplement ? 'clock stopped awaiting a supplement' : 'clock stopped'} ${fromText}–${toText}: ${text.en} of working time not counted`,
      },
    );
  });
}

function instant(value: unknown, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new CalendarError('INVALID_ARGUMENT', `${name} must be a valid Date`);
  }
  return ms;
}

function validateRule(rule: DeadlineRule): void {
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

function extensionDuration(extension: Extension | undefined, normalDayMs: number): number {
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
