// Derivation steps that describe what the count went through: days off skipped, rest days worked,
// clock stops. Computed after the due instant is known, from the same working calendar.
import { formatDateVi, formatTimeVi, toVietnamIso, weekdayNameEn, weekdayNameVi } from '../format-vi.ts';
import type { DerivationStep, Pause } from '../types.ts';
import { parseIsoDate } from './civil-date.ts';
import { durationText, spanText, step } from './derivation-text.ts';
import { instantAt, localJdn } from './local-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { type Interval, workingTimeBetween } from './working-time.ts';

/** SKIP_DAYS_OFF for each run of non-working days between reception and due that holds a table day off. */
export function daysOffSteps(working: WorkingCalendar, received: number, due: number): DerivationStep[] {
  const result: DerivationStep[] = [];
  const lastDay = localJdn(due);
  let jdn = localJdn(received);
  // A run the reception day sits in (received online on a day off) is shown whole, from its first day.
  while (
    !working.day(jdn).isWorkingDay &&
    !working.day(jdn - 1).isWorkingDay &&
    localJdn(received) - jdn < 60
  ) {
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
export function extraWorkingDaySteps(working: WorkingCalendar, start: number, due: number): DerivationStep[] {
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
      const date = formatDateVi(parseIsoDate(day.date));
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
export function pauseSteps(
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

/** EXTENSION: the working time added and the due instant it replaced. */
export function extensionStep(extensionMs: number, previousDue: number, normalDayMs: number): DerivationStep {
  const text = durationText(extensionMs, normalDayMs);
  const previous = new Date(previousDue);
  const time = formatTimeVi(previous);
  const date = formatDateVi(previous);
  return step(
    'EXTENSION',
    { workingMinutes: extensionMs / 60_000, previousDueAt: toVietnamIso(previous) },
    {
      vi: `gia hạn ${text.vi} làm việc (hẹn cũ ${time} ngày ${date})`,
      en: `extended by ${text.en} of working time (previously due ${time} on ${date})`,
    },
  );
}
