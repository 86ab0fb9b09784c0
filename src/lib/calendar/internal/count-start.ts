// Where the count of a deadline starts (DOMAIN.md "Deadlines"): at reception during a session; at the
// next session's opening before opening or in a break; at the next working day's opening after closing, on
// a day off, or past the rule's cut-off (15:00 for certification, Decree 23/2015 as amended; 1 hour before
// closing for online dossiers, joint e-procedure decree 11/2025).
import { CalendarError } from '../errors.ts';
import { toVietnamIso, weekdayNameEn, weekdayNameVi } from '../format-vi.ts';
import type { Cutoff, DerivationStep, LocalizedText } from '../types.ts';
import { durationText, instantText, step } from './derivation-text.ts';
import { formatMinute, instantAt, localJdn, localMinuteOfDay, parseLocalTime } from './local-time.ts';
import { HORIZON_DAYS, type WorkingCalendar } from './working-calendar.ts';

/** Where the count starts, pushing the START_* step that explains a move. */
export function countStart(
  working: WorkingCalendar,
  received: number,
  cutoff: Cutoff | undefined,
  steps: DerivationStep[],
): number {
  const jdn = localJdn(received);
  const minute = localMinuteOfDay(received);
  const day = working.day(jdn);
  const nextWorkingDay = (reason: string, text: LocalizedText): number => {
    let next = jdn + 1;
    while (!working.day(next).isWorkingDay) {
      next++;
      if (next - jdn > HORIZON_DAYS) {
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
