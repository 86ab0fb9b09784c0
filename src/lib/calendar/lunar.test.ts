import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadJson } from '../../../test/fixtures/calendar/fixtures.ts';
import { CalendarError } from './errors.ts';
import { lunarToSolar } from './lunar-to-solar.ts';
import { solarToLunar } from './solar-to-lunar.ts';
import type { CivilDate, LunarDate } from './types.ts';

interface Vectors {
  tet: Record<string, string>;
  pairs: { solar: string; lunar: LunarDate; note: string }[];
  leapMonths: Record<string, number>;
  commonYears: number[];
}
const vectors = loadJson<Vectors>('lunar-vectors.json');

function civil(iso: string): CivilDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function iso(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

test('Tết (1/1 lunar) 1990–2035 and 1985 replay the published Vietnamese dates both ways', () => {
  assert.ok(Object.keys(vectors.tet).length >= 47);
  for (const [year, date] of Object.entries(vectors.tet)) {
    const tet = { year: Number(year), month: 1, day: 1, isLeapMonth: false };
    assert.equal(iso(lunarToSolar(tet)), date, `Tết ${year}`);
    assert.deepEqual(solarToLunar(civil(date)), tet, `solarToLunar(${date})`);
  }
});

test('1985: Tết falls on 21 January in Vietnam (UTC+7), a month before China (20 February)', () => {
  assert.deepEqual(solarToLunar(civil('1985-01-21')), { year: 1985, month: 1, day: 1, isLeapMonth: false });
  // 1985-02-20, Chinese New Year, is the first day of the second month in Vietnam.
  assert.deepEqual(solarToLunar(civil('1985-02-20')), { year: 1985, month: 2, day: 1, isLeapMonth: false });
});

test('known solar ↔ lunar pairs (leap months, Hùng Kings 10/3, month ends)', () => {
  for (const pair of vectors.pairs) {
    assert.deepEqual(solarToLunar(civil(pair.solar)), pair.lunar, pair.note);
    assert.equal(iso(lunarToSolar(pair.lunar)), pair.solar, pair.note);
  }
});

test('each year has exactly the published leap month, and common years have none', () => {
  for (const [year, leapMonth] of Object.entries(vectors.leapMonths)) {
    for (let month = 1; month <= 12; month++) {
      const attempt = () => lunarToSolar({ year: Number(year), month, day: 1, isLeapMonth: true });
      if (month === leapMonth) {
        assert.doesNotThrow(attempt, `${year} leap ${month}`);
      } else {
        assert.throws(attempt, { code: 'INVALID_LUNAR_DATE' }, `${year} has no leap ${month}`);
      }
    }
  }
  for (const year of vectors.commonYears) {
    for (let month = 1; month <= 12; month++) {
      assert.throws(() => lunarToSolar({ year, month, day: 1, isLeapMonth: true }), {
        code: 'INVALID_LUNAR_DATE',
      });
    }
  }
});

test('round trip: every day of 1990–2035 maps to a lunar date that maps back, days advance by one', () => {
  let previous: LunarDate | undefined;
  const start = Date.UTC(1990, 0, 1);
  const end = Date.UTC(2035, 11, 31);
  for (let ms = start; ms <= end; ms += 86_400_000) {
    const d = new Date(ms);
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    const lunar = solarToLunar(date);
    assert.deepEqual(lunarToSolar(lunar), date);
    if (previous) {
      // Either the next day of the same month, or day 1 after a 29- or 30-day month.
      if (lunar.day === 1) {
        assert.ok(previous.day === 29 || previous.day === 30, `${iso(date)} month length ${previous.day}`);
      } else {
        assert.equal(lunar.day, previous.day + 1);
        assert.equal(lunar.month, previous.month);
      }
    }
    previous = lunar;
  }
});

test('nonexistent lunar dates and out-of-range years are CalendarErrors', () => {
  // Month 12 of Giáp Thìn (2024) has 29 days: Tết 2025 (29/01) came the day after 29/12.
  assert.throws(() => lunarToSolar({ year: 2024, month: 12, day: 30, isLeapMonth: false }), {
    code: 'INVALID_LUNAR_DATE',
  });
  assert.throws(() => lunarToSolar({ year: 2026, month: 13, day: 1, isLeapMonth: false }), CalendarError);
  assert.throws(() => solarToLunar({ year: 2026, month: 2, day: 29 }), { code: 'INVALID_DATE' });
  assert.throws(() => solarToLunar({ year: 1700, month: 1, day: 1 }), { code: 'OUT_OF_RANGE' });
  assert.throws(() => lunarToSolar({ year: 2300, month: 1, day: 1, isLeapMonth: false }), {
    code: 'OUT_OF_RANGE',
  });
});
