import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadHolidayTable as loadTable } from '../../../test/fixtures/calendar/fixtures.ts';
import { createHolidayCalendar, validateHolidayTable } from './create-holiday-calendar.ts';
import { defaultHolidayTable } from './default-holiday-table.ts';
import type { HolidayTable } from './types.ts';

/** Days off as "MM-DD" with a * for compensatory days, for compact comparisons. */
function offDays(table: HolidayTable): string[] {
  return table.daysOff.map((d) => `${d.date.slice(5)}${d.kind === 'compensatory' ? '*' : ''}`);
}

test('defaults 2026 equal the announced decision (DOMAIN.md): Tết 16–20/02, Hùng Kings Sunday 26/04 compensated Monday 27/04', () => {
  // Tết Bính Ngọ = Tuesday 17/02/2026; the eve (29 tháng Chạp, month 12 has 29 days) is Monday 16/02; the
  // five days are Mon 16 – Fri 20, no weekend day among them. 10/3 lunar = Sunday 26/04 → next working day
  // Monday 27/04. 30/04 Thursday, 01/05 Friday. 02/09/2026 is a Wednesday → adjacent day 01/09 (Tuesday).
  assert.deepEqual(offDays(defaultHolidayTable(2026)), [
    '01-01',
    '02-16',
    '02-17',
    '02-18',
    '02-19',
    '02-20',
    '04-26',
    '04-27*',
    '04-30',
    '05-01',
    '09-01',
    '09-02',
  ]);
  const seeded = loadTable('holidays-2026.json');
  assert.deepEqual(offDays(seeded), offDays(defaultHolidayTable(2026)));
});

test('defaults 2027: Tết on Saturday 06/02 → Saturday and Sunday compensated on Wednesday 10 and Thursday 11', () => {
  // Tết Đinh Mùi = Saturday 06/02/2027; eve Friday 05/02; 05, 06, 07, 08, 09 are the five days; 06 (Sat) and
  // 07 (Sun) are weekly rest days → the next working days not already off: Wed 10, Thu 11 (Art. 111.3).
  // 10/3 lunar = Friday 16/04. 01/05 is a Saturday → Monday 03/05. 02/09 Thursday → 03/09 Friday.
  assert.deepEqual(offDays(defaultHolidayTable(2027)), [
    '01-01',
    '02-05',
    '02-06',
    '02-07',
    '02-08',
    '02-09',
    '02-10*',
    '02-11*',
    '04-16',
    '04-30',
    '05-01',
    '05-03*',
    '09-02',
    '09-03',
  ]);
});

test('defaults 2023 reproduce the real arrangement where the rule is mechanical', () => {
  // 01/01/2023 Sunday → Monday 02/01 (as decided). 29/04 Sat (Hùng), 30/04 Sun, 01/05 Mon → compensated
  // Tue 02/05 and Wed 03/05 (the 2023 break was 29/04–03/05). 02/09 Saturday → 01/09 Friday adjacent and
  // Monday 04/09 compensatory (the 2023 break was 01/09–04/09).
  const days = offDays(defaultHolidayTable(2023));
  for (const expected of [
    '01-01',
    '01-02*',
    '04-29',
    '04-30',
    '05-01',
    '05-02*',
    '05-03*',
    '09-01',
    '09-02',
    '09-04*',
  ]) {
    assert.ok(days.includes(expected), `${expected} in ${days.join(' ')}`);
  }
  // 2024: 02/09 Monday → 03/09 Tuesday; 2025: 02/09 Tuesday → 01/09 Monday (both as decided).
  assert.ok(offDays(defaultHolidayTable(2024)).includes('09-03'));
  assert.ok(offDays(defaultHolidayTable(2025)).includes('09-01'));
  // 2028: 01/01 Saturday → Monday 03/01.
  assert.ok(offDays(defaultHolidayTable(2028)).includes('01-03*'));
});

test('an official table replaces the defaults for its whole year only', () => {
  const decision = loadTable('holidays-2027-hypothetical.json');
  const calendar = createHolidayCalendar([decision]);
  assert.equal(calendar.tableFor(2027), decision);
  assert.deepEqual(calendar.entryFor('2027-02-12').dayOff?.kind, 'swapped');
  assert.equal(calendar.entryFor('2027-02-20').workingDay?.replaces, '2027-02-12');
  assert.deepEqual(calendar.entryFor('2027-03-01'), {});
  // The defaults would not have 12/02 off nor 20/02 working.
  const defaults = createHolidayCalendar();
  assert.deepEqual(defaults.entryFor('2027-02-12'), {});
  assert.deepEqual(defaults.entryFor('2027-02-20'), {});
  // Other years keep their defaults.
  assert.equal(calendar.tableFor(2026).source.kind, 'default');
  assert.equal(calendar.entryFor('2026-04-27').dayOff?.kind, 'compensatory');
});

test('inconsistent tables are rejected with INVALID_HOLIDAY_TABLE', () => {
  const base = loadTable('holidays-2026.json');
  const name = { vi: 'x', en: 'x' };
  const bad: HolidayTable[] = [
    { ...base, daysOff: [...base.daysOff, { date: '2027-01-01', kind: 'holiday', name }] },
    { ...base, daysOff: [...base.daysOff, { date: '2026-02-30', kind: 'holiday', name }] },
    { ...base, daysOff: [...base.daysOff, { date: '2026-01-01', kind: 'holiday', name }] },
    { ...base, workingDays: [{ date: '2026-02-16', name }] },
    { ...base, daysOff: [{ date: '2026-03-02', kind: 'vacation' as 'holiday', name }] },
    { ...base, source: { kind: 'decision' } as HolidayTable['source'] },
    { ...base, year: 1500 },
  ];
  for (const table of bad) {
    assert.throws(() => validateHolidayTable(table), { code: 'INVALID_HOLIDAY_TABLE' });
  }
  assert.throws(() => createHolidayCalendar([base, base]), { code: 'INVALID_HOLIDAY_TABLE' });
  validateHolidayTable(base);
});
