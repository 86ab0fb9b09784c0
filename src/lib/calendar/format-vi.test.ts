import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadHolidayTable } from '../../../test/fixtures/calendar/fixtures.ts';
import { createHolidayCalendar } from './create-holiday-calendar.ts';
import { describeDay } from './describe-day.ts';
import {
  formatDateTimeVi,
  formatDateVi,
  formatDocumentDateVi,
  formatTimeVi,
  toVietnamIso,
  weekdayNameEn,
  weekdayNameVi,
  weekdayOf,
} from './format-vi.ts';
import { lunarYearName } from './lunar-year-name.ts';
import { DEFAULT_OFFICE_HOURS, validateOfficeHours } from './office-hours.ts';
import { shiftWorkingDays } from './shift-working-days.ts';

test('weekday names: Chủ nhật, thứ Hai … thứ Bảy', () => {
  assert.deepEqual(([0, 1, 2, 3, 4, 5, 6] as const).map(weekdayNameVi), [
    'Chủ nhật',
    'thứ Hai',
    'thứ Ba',
    'thứ Tư',
    'thứ Năm',
    'thứ Sáu',
    'thứ Bảy',
  ]);
  assert.equal(weekdayNameEn(5), 'Friday');
  // 13/02/2026 was a Friday, 17/02/2026 (Tết) a Tuesday, 26/04/2026 a Sunday.
  assert.equal(weekdayOf({ year: 2026, month: 2, day: 13 }), 5);
  assert.equal(weekdayOf({ year: 2026, month: 2, day: 17 }), 2);
  assert.equal(weekdayOf({ year: 2026, month: 4, day: 26 }), 0);
});

test('instants are read in Vietnam time (UTC+7) whatever the process time zone', () => {
  // 2026-02-25T17:30Z is 00:30 on the 26th in Vietnam.
  const instant = new Date('2026-02-25T17:30:00Z');
  assert.equal(formatDateVi(instant), '26/02/2026');
  assert.equal(formatTimeVi(instant), '00:30');
  assert.equal(formatDateTimeVi(instant), '00:30 26/02/2026');
  assert.equal(weekdayOf(instant), 4);
  assert.equal(toVietnamIso(instant), '2026-02-26T00:30:00+07:00');
  assert.equal(toVietnamIso(new Date('2026-02-25T17:30:00.250Z')), '2026-02-26T00:30:00.250+07:00');
  assert.throws(() => formatTimeVi(new Date('x')), { code: 'INVALID_ARGUMENT' });
});

test('document date line (Decree 30/2020 App. I): leading zero for days < 10 and months 1–2 only', () => {
  assert.equal(
    formatDocumentDateVi({ year: 2026, month: 1, day: 5 }, 'Bình Ca'),
    'Bình Ca, ngày 05 tháng 01 năm 2026',
  );
  assert.equal(formatDocumentDateVi({ year: 2026, month: 2, day: 28 }), 'ngày 28 tháng 02 năm 2026');
  assert.equal(formatDocumentDateVi({ year: 2026, month: 3, day: 9 }), 'ngày 09 tháng 3 năm 2026');
  assert.equal(formatDocumentDateVi({ year: 2026, month: 11, day: 23 }), 'ngày 23 tháng 11 năm 2026');
});

test('describeDay: holidays, compensatory days, weekends, swapped working days', () => {
  const calendar = createHolidayCalendar([
    loadHolidayTable('holidays-2026.json'),
    loadHolidayTable('holidays-2027-hypothetical.json'),
  ]);
  const tet = describeDay('2026-02-17', calendar, DEFAULT_OFFICE_HOURS);
  assert.equal(tet.isWorkingDay, false);
  assert.equal(tet.dayOff?.name.vi, 'Tết Nguyên đán');
  assert.deepEqual(tet.sessions, []);
  assert.equal(describeDay('2026-04-27', calendar, DEFAULT_OFFICE_HOURS).dayOff?.kind, 'compensatory');
  const sunday = describeDay('2026-03-08', calendar, DEFAULT_OFFICE_HOURS);
  assert.deepEqual([sunday.weekday, sunday.isWorkingDay, sunday.dayOff], [0, false, undefined]);
  const monday = describeDay('2026-03-09', calendar, DEFAULT_OFFICE_HOURS);
  assert.deepEqual(monday.sessions, [
    { from: '07:00', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ]);
  const saturday = describeDay('2027-02-20', calendar, DEFAULT_OFFICE_HOURS);
  assert.deepEqual(
    [saturday.weekday, saturday.isWorkingDay, saturday.workingDay?.replaces],
    [6, true, '2027-02-12'],
  );
  assert.throws(() => describeDay('2026-02-30', calendar, DEFAULT_OFFICE_HOURS), { code: 'INVALID_DATE' });
});

test('validateOfficeHours rejects malformed hours', () => {
  validateOfficeHours(DEFAULT_OFFICE_HOURS);
  for (const sessions of [[], [{ from: '7:00', to: '11:30' }], [{ from: '11:30', to: '11:30' }]]) {
    assert.throws(() => validateOfficeHours({ ...DEFAULT_OFFICE_HOURS, sessions }), {
      code: 'INVALID_OFFICE_HOURS',
    });
  }
  assert.throws(() => validateOfficeHours({ ...DEFAULT_OFFICE_HOURS, workingWeekdays: [7 as 1] }), {
    code: 'INVALID_OFFICE_HOURS',
  });
});

test('lunar year names (can chi): Giáp Thìn 2024, Ất Tỵ 2025, Bính Ngọ 2026, Đinh Mùi 2027, Quý Mão 2023', () => {
  assert.deepEqual([2023, 2024, 2025, 2026, 2027, 1985, 2000].map(lunarYearName), [
    'Quý Mão',
    'Giáp Thìn',
    'Ất Tỵ',
    'Bính Ngọ',
    'Đinh Mùi',
    'Ất Sửu',
    'Canh Thìn',
  ]);
});

test('shiftWorkingDays moves by whole working days over weekends and holidays', () => {
  const calendar = createHolidayCalendar([loadHolidayTable('holidays-2026.json')]);
  const shift = (date: string, days: number) =>
    shiftWorkingDays({ date, days, calendar, officeHours: DEFAULT_OFFICE_HOURS });
  // Friday 13/02/2026 + 1 → Monday 23/02 (weekend, Tết 16–20, weekend); − 1 from 23/02 → 13/02.
  assert.equal(shift('2026-02-13', 1), '2026-02-23');
  assert.equal(shift('2026-02-23', -1), '2026-02-13');
  // Wednesday 29/04 + 2 → Tuesday 05/05 (30/04, 01/05, weekend skipped).
  assert.equal(shift('2026-04-29', 2), '2026-05-05');
  // 0 keeps a working day and moves a day off forward: Saturday 14/03 → Monday 16/03.
  assert.equal(shift('2026-03-10', 0), '2026-03-10');
  assert.equal(shift('2026-03-14', 0), '2026-03-16');
  assert.throws(() => shift('2026-03-10', 1.5), { code: 'INVALID_ARGUMENT' });
});
