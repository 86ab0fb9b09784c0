// Walking working time: session intervals from an instant on, minus clock stops.
import { CalendarError } from '../errors.ts';
import { instantAt, localJdn } from './local-time.ts';
import { HORIZON_DAYS, type WorkingCalendar } from './working-calendar.ts';

/** A half-open interval of instants in ms, `[from, to)`. */
export type Interval = readonly [number, number];

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) {
      last[1] = Math.max(last[1], to);
    } else {
      merged.push([from, to]);
    }
  }
  return merged;
}

/** Working intervals (sessions minus `pauses`, merged) that end after `fromMs`, clipped to start at `fromMs`. */
export function* workingPieces(
  calendar: WorkingCalendar,
  fromMs: number,
  pauses: readonly Interval[],
): Generator<Interval> {
  const firstDay = localJdn(fromMs);
  for (let jdn = firstDay; jdn <= firstDay + HORIZON_DAYS; jdn++) {
    for (const [fromMinute, toMinute] of calendar.day(jdn).sessions) {
      const sessionFrom = Math.max(instantAt(jdn, fromMinute), fromMs);
      const sessionTo = instantAt(jdn, toMinute);
      if (sessionTo <= sessionFrom) {
        continue;
      }
      let cursor = sessionFrom;
      for (const [pauseFrom, pauseTo] of pauses) {
        if (pauseTo <= cursor || pauseFrom >= sessionTo) {
          continue;
        }
        if (pauseFrom > cursor) {
          yield [cursor, pauseFrom];
        }
        cursor = Math.max(cursor, pauseTo);
      }
      if (cursor < sessionTo) {
        yield [cursor, sessionTo];
      }
    }
  }
  throw new CalendarError('NO_WORKING_TIME', `no working time within ${HORIZON_DAYS} days`);
}

/**
 * The instant reached after `durationMs` of working time from `fromMs`, skipping non-working time and
 * pauses. A duration that ends exactly at a session's close gives that close (17:00), not the next opening;
 * a zero duration gives the first working instant at or after `fromMs`.
 */
export function advanceWorkingTime(
  calendar: WorkingCalendar,
  fromMs: number,
  durationMs: number,
  pauses: readonly Interval[],
): number {
  let remaining = durationMs;
  for (const [from, to] of workingPieces(calendar, fromMs, pauses)) {
    if (remaining === 0) {
      return from;
    }
    if (to - from >= remaining) {
      return from + remaining;
    }
    remaining -= to - from;
  }
  /* c8 ignore next */
  throw new CalendarError('NO_WORKING_TIME', 'unreachable: workingPieces throws at the horizon');
}

/** Working time in `[fromMs, toMs)`, minus pauses. */
export function workingTimeBetween(
  calendar: WorkingCalendar,
  fromMs: number,
  toMs: number,
  pauses: readonly Interval[],
): number {
  let total = 0;
  if (toMs <= fromMs) {
    return 0;
  }
  for (const [from, to] of workingPieces(calendar, fromMs, pauses)) {
    if (from >= toMs) {
      break;
    }
    total += Math.min(to, toMs) - from;
  }
  return total;
}
