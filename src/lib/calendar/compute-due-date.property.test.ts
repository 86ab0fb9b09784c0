// Properties of the deadline engine over many pseudo-random receptions (seeded, so a failure reproduces):
// the due instant is a working instant, never before reception, monotonic in the reception time, and a
// clock stop never brings it forward. The count itself is cross-checked by summing session time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadHolidayTable } from '../../../test/fixtures/calendar/fixtures.ts';
import { computeDueDate } from './compute-due-date.ts';
import { createHolidayCalendar } from './create-holiday-calendar.ts';
import { describeDay } from './describe-day.ts';
import { toVietnamIso } from './format-vi.ts';
import { compileWorkingCalendar } from './internal/working-calendar.ts';
import { workingTimeBetween } from './internal/working-time.ts';
import { DEFAULT_OFFICE_HOURS } from './office-hours.ts';
import type { DeadlineRule, OfficeHours } from './types.ts';

const calendar = createHolidayCalendar([
  loadHolidayTable('holidays-2026.json'),
  loadHolidayTable('holidays-2027-hypothetical.json'),
]);
const saturdayMorning: OfficeHours = {
  ...DEFAULT_OFFICE_HOURS,
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  sessionsByWeekday: { 6: [{ from: '07:00', to: '11:30' }] },
};

/** mulberry32: a tiny seeded PRNG, so every run draws the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM = Date.parse('2025-12-01T00:00:00+07:00');
const SPAN_MINUTES = 500 * 24 * 60; // into mid-April 2027: Tết 2026 and 2027, 30/4, 2/9
const RULES: DeadlineRule[] = [
  { kind: 'workingDays', days: 1 },
  { kind: 'workingDays', days: 5, cutoff: { kind: 'beforeClosing', minutes: 60 } },
  { kind: 'workingDays', days: 20 },
  { kind: 'workingHours', hours: 3 },
  { kind: 'sameDay', cutoff: { kind: 'time', after: '15:00' } },
  { kind: 'immediately' },
];

function isWorkingInstant(at: Date, officeHours: OfficeHours): boolean {
  const iso = toVietnamIso(at); // 2026-02-27T17:00:00+07:00
  const day = describeDay(iso.slice(0, 10), calendar, officeHours);
  const time = iso.slice(11, 16);
  return day.isWorkingDay && day.sessions.some((s) => s.from <= time && time <= s.to);
}

test('due instants are working instants, not before reception, and the count is exact', () => {
  const next = random(2026);
  for (let i = 0; i < 1500; i++) {
    const receivedAt = new Date(FROM + Math.floor(next() * SPAN_MINUTES) * 60_000);
    const rule = RULES[i % RULES.length] as DeadlineRule;
    const officeHours = i % 5 === 0 ? saturdayMorning : DEFAULT_OFFICE_HOURS;
    const { dueAt, derivation } = computeDueDate({ receivedAt, rule, calendar, officeHours });
    const label = `${toVietnamIso(receivedAt)} ${JSON.stringify(rule)}`;
    assert.ok(dueAt >= receivedAt, label);
    assert.ok(isWorkingInstant(dueAt, officeHours), `${label} → ${toVietnamIso(dueAt)}`);
    if (rule.kind === 'workingDays' || rule.kind === 'workingHours') {
      // Summing session time between the start of the count and the due instant gives the statutory time.
      const startStep = derivation.find((s) => s.code.startsWith('START_'));
      const start = startStep ? Date.parse(String(startStep.params.start)) : receivedAt.getTime();
      const counted = workingTimeBetween(
        compileWorkingCalendar(calendar, officeHours),
        start,
        dueAt.getTime(),
        [],
      );
      const expected = rule.kind === 'workingDays' ? rule.days * 8 * 3_600_000 : rule.hours * 3_600_000;
      assert.equal(counted, expected, label);
    }
  }
});

test('the due instant is monotonic in the reception time', () => {
  const next = random(7);
  for (const rule of RULES) {
    const times = Array.from({ length: 250 }, () => FROM + Math.floor(next() * SPAN_MINUTES) * 60_000).sort(
      (a, b) => a - b,
    );
    let previous = Number.NEGATIVE_INFINITY;
    for (const time of times) {
      const { dueAt } = computeDueDate({
        receivedAt: new Date(time),
        rule,
        calendar,
        officeHours: DEFAULT_OFFICE_HOURS,
      });
      assert.ok(dueAt.getTime() >= previous, `${JSON.stringify(rule)} at ${toVietnamIso(new Date(time))}`);
      previous = dueAt.getTime();
    }
  }
});

test('a clock stop never brings the due instant forward, and one outside working time changes nothing', () => {
  const next = random(42);
  for (let i = 0; i < 300; i++) {
    const receivedAt = new Date(FROM + Math.floor(next() * SPAN_MINUTES) * 60_000);
    const rule: DeadlineRule = { kind: 'workingDays', days: 1 + (i % 10) };
    const base = computeDueDate({ receivedAt, rule, calendar, officeHours: DEFAULT_OFFICE_HOURS });
    const from = new Date(receivedAt.getTime() + Math.floor(next() * 14 * 24 * 60) * 60_000);
    const to = new Date(from.getTime() + Math.floor(next() * 5 * 24 * 60) * 60_000);
    const paused = computeDueDate({
      receivedAt,
      rule,
      calendar,
      officeHours: DEFAULT_OFFICE_HOURS,
      pauses: [{ from, to }],
    });
    assert.ok(paused.dueAt >= base.dueAt);
    // A stop over the lunch break only.
    const lunch = new Date(`${toVietnamIso(receivedAt).slice(0, 10)}T11:30:00+07:00`);
    const lunchOnly = computeDueDate({
      receivedAt,
      rule,
      calendar,
      officeHours: DEFAULT_OFFICE_HOURS,
      pauses: [{ from: lunch, to: new Date(lunch.getTime() + 2 * 3_600_000) }],
    });
    assert.equal(lunchOnly.dueAt.getTime(), base.dueAt.getTime());
  }
});
