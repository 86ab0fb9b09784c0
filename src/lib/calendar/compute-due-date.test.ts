// Deadline cases, each worked out by hand in the comment above it. Office hours are the default
// 07:00–11:30 + 13:30–17:00 (8 h a working day) unless a case says otherwise; 2026 uses the seeded official
// table (DOMAIN.md), 2027 the Labour Code defaults unless the hypothetical decision is passed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadHolidayTable } from '../../../test/fixtures/calendar/fixtures.ts';
import { computeDueDate } from './compute-due-date.ts';
import { createHolidayCalendar, type HolidayCalendar } from './create-holiday-calendar.ts';
import { toVietnamIso } from './format-vi.ts';
import { DEFAULT_OFFICE_HOURS } from './office-hours.ts';
import { renderDerivation } from './render-derivation.ts';
import type { DeadlineRule, Extension, OfficeHours, Pause } from './types.ts';

const official = createHolidayCalendar([loadHolidayTable('holidays-2026.json')]);
const decided2027 = createHolidayCalendar([
  loadHolidayTable('holidays-2026.json'),
  loadHolidayTable('holidays-2027-hypothetical.json'),
]);

const days = (n: number, cutoff?: DeadlineRule['cutoff']): DeadlineRule =>
  cutoff ? { kind: 'workingDays', days: n, cutoff } : { kind: 'workingDays', days: n };
const AFTER_15 = { kind: 'time', after: '15:00' } as const;
const ONLINE = { kind: 'beforeClosing', minutes: 60 } as const;
const CERTIFICATION: DeadlineRule = { kind: 'sameDay', cutoff: AFTER_15 };

function due(
  receivedAt: string,
  rule: DeadlineRule,
  options: {
    calendar?: HolidayCalendar;
    officeHours?: OfficeHours;
    pauses?: Pause[];
    extension?: Extension;
  } = {},
) {
  const result = computeDueDate({
    receivedAt: new Date(receivedAt),
    rule,
    calendar: options.calendar ?? official,
    officeHours: options.officeHours ?? DEFAULT_OFFICE_HOURS,
    ...(options.pauses ? { pauses: options.pauses } : {}),
    ...(options.extension ? { extension: options.extension } : {}),
  });
  return {
    at: toVietnamIso(result.dueAt),
    codes: result.derivation.map((s) => s.code),
    vi: renderDerivation(result.derivation, 'vi'),
    en: renderDerivation(result.derivation, 'en'),
    steps: result.derivation,
  };
}

test('Tết 2026, online, received Friday 13/02 16:40: next working day Monday 23/02, 5 days → Friday 27/02 17:00', () => {
  // 16:40 ≥ 17:00 − 1 h → the count starts at the next working day. 14/02–22/02 is off (weekend, Tết
  // 16–20/02, weekend), so Monday 23/02 07:00. 5 × 8 h = 40 h = Mon 23 … Fri 27 whole days → 17:00 Fri 27/02.
  const result = due('2026-02-13T16:40:00+07:00', days(5, ONLINE));
  assert.equal(result.at, '2026-02-27T17:00:00+07:00');
  assert.equal(
    result.vi,
    'nhận 16:40 thứ Sáu 13/02/2026 → trong 1 giờ trước giờ đóng cửa (17:00): tính từ ngày làm việc tiếp theo, ' +
      '07:00 thứ Hai 23/02/2026; 5 ngày làm việc; trừ Tết Nguyên đán 14/02–22/02 → hẹn trả 17:00 ngày 27/02/2026',
  );
  assert.equal(
    result.en,
    'received 16:40 Friday 13/02/2026 → within 1 hour before closing (17:00): counted from the next working day, ' +
      '07:00 Monday 23/02/2026; 5 working days; excluding Lunar New Year (Tết) 14/02–22/02 → due 17:00 on Friday 27/02/2026',
  );
  const skip = result.steps.find((s) => s.code === 'SKIP_DAYS_OFF');
  assert.deepEqual(skip?.params, { from: '2026-02-14', to: '2026-02-22', names: 'Tết Nguyên đán' });
});

test('days off before the reception day are not listed; a run the reception day sits in is listed whole', () => {
  // Monday 23/02/2026 09:00, the first day after Tết, 1 day → Tuesday 24/02 09:00; nothing skipped.
  const after = due('2026-02-23T09:00:00+07:00', days(1));
  assert.equal(after.at, '2026-02-24T09:00:00+07:00');
  assert.ok(!after.codes.includes('SKIP_DAYS_OFF'), after.vi);
  // Online on Wednesday 18/02 (Tết) → Monday 23/02 07:00 → 17:00; the whole run 14/02–22/02 is named.
  const during = due('2026-02-18T10:00:00+07:00', days(1, ONLINE));
  assert.equal(during.at, '2026-02-23T17:00:00+07:00');
  assert.match(
    during.vi,
    /→ ngày nghỉ \(Tết Nguyên đán\): tính từ ngày làm việc tiếp theo, 07:00 thứ Hai 23\/02\/2026; 1 ngày làm việc; trừ Tết Nguyên đán 14\/02–22\/02 →/,
  );
});

test('Tết 2026 without a cut-off: the 20 minutes of Friday count → Friday 27/02 16:40', () => {
  // Fri 16:40–17:00 = 20 min; 40 h − 20 min = 39 h 40 min from Mon 23/02 07:00: Mon–Thu 32 h, then 7 h 40 min
  // on Fri 27/02: 07:00–11:30 (4 h 30) + 13:30 + 3 h 10 → 16:40.
  assert.equal(due('2026-02-13T16:40:00+07:00', days(5)).at, '2026-02-27T16:40:00+07:00');
});

test('Tết 2027 by the Labour Code defaults: received Thursday 04/02 10:00, 3 days → Tuesday 16/02 10:00', () => {
  // Defaults 2027: off Fri 05 (eve) … Tue 09 (Tết on Sat 06), compensatory Wed 10 and Thu 11.
  // Thu 04: 10:00–11:30 + 13:30–17:00 = 5 h. Fri 12: 8 h → 13 h. Sat 13, Sun 14 off. Mon 15: 8 h → 21 h.
  // Tue 16: 3 h from 07:00 → 10:00.
  const result = due('2027-02-04T10:00:00+07:00', days(3));
  assert.equal(result.at, '2027-02-16T10:00:00+07:00');
  assert.match(result.vi, /; trừ Tết Nguyên đán, nghỉ bù 05\/02–11\/02 → hẹn trả 10:00 ngày 16\/02\/2027$/);
});

test('an official 2027 table overrides the defaults: Friday 12/02 swapped off → Wednesday 17/02 10:00', () => {
  // Hypothetical decision: off 05/02–12/02 (12/02 swapped for Saturday 20/02), then the weekend 13–14.
  // Thu 04: 5 h. Mon 15: 8 h → 13 h. Tue 16: 8 h → 21 h. Wed 17: 3 h → 10:00.
  const result = due('2027-02-04T10:00:00+07:00', days(3), { calendar: decided2027 });
  assert.equal(result.at, '2027-02-17T10:00:00+07:00');
  assert.match(result.vi, /trừ Tết Nguyên đán, nghỉ bù, nghỉ hoán đổi 05\/02–14\/02/);
});

test('a Saturday made a working day counts: received Friday 19/02/2027 09:00, 1 day → Saturday 20/02 09:00', () => {
  // With the decision, Sat 20/02 works a normal day. Fri 19: 09:00–11:30 (2 h 30) + 13:30–17:00 (3 h 30) = 6 h.
  // Sat 20: 2 h from 07:00 → 09:00. By the defaults the Saturday is off → Monday 22/02 09:00.
  const decided = due('2027-02-19T09:00:00+07:00', days(1), { calendar: decided2027 });
  assert.equal(decided.at, '2027-02-20T09:00:00+07:00');
  assert.ok(decided.codes.includes('EXTRA_WORKING_DAY'));
  assert.match(decided.vi, /tính thứ Bảy 20\/02\/2027 \(làm bù cho thứ Sáu 12\/02\)/);
  assert.equal(due('2027-02-19T09:00:00+07:00', days(1)).at, '2027-02-22T09:00:00+07:00');
});

test('30/4–1/5 2026: received Wednesday 29/04 14:00, 2 days → Tuesday 05/05 14:00', () => {
  // Wed 29: 14:00–17:00 = 3 h. Thu 30/04, Fri 01/05 holidays, Sat 02, Sun 03. Mon 04: 8 h → 11 h.
  // Tue 05: 07:00–11:30 (4 h 30) → 15 h 30, then 30 min from 13:30 → 14:00.
  const result = due('2026-04-29T14:00:00+07:00', days(2));
  assert.equal(result.at, '2026-05-05T14:00:00+07:00');
  assert.match(result.vi, /trừ Ngày Chiến thắng, Ngày Quốc tế lao động 30\/04–03\/05/);
});

test('Hùng Kings 2026 (Sunday 26/04, compensated Monday 27/04): received Friday 24/04 16:00, 1 day → Tuesday 28/04 16:00', () => {
  // Fri 24: 16:00–17:00 = 1 h. Sat 25, Sun 26 (holiday), Mon 27 (compensatory) off. Tue 28: the other 7 h =
  // 07:00–11:30 (4 h 30) + 2 h 30 from 13:30 → 16:00.
  const result = due('2026-04-24T16:00:00+07:00', days(1));
  assert.equal(result.at, '2026-04-28T16:00:00+07:00');
  assert.match(result.vi, /trừ Giỗ Tổ Hùng Vương, nghỉ bù 25\/04–27\/04/);
});

test('2/9 2026 (defaults: Tuesday 01/09 and Wednesday 02/09): received Monday 31/08 08:00, 1 day → Thursday 03/09 08:00', () => {
  // Mon 31: 08:00–11:30 (3 h 30) + 13:30–17:00 (3 h 30) = 7 h. Tue 01, Wed 02 off. Thu 03: 1 h → 08:00.
  const result = due('2026-08-31T08:00:00+07:00', days(1));
  assert.equal(result.at, '2026-09-03T08:00:00+07:00');
  assert.match(result.vi, /trừ Quốc khánh 01\/09–02\/09/);
});

test('weekends: Friday 06/03/2026 10:00 + 2 days → Tuesday 10/03 10:00; received on Sunday → from Monday 07:00', () => {
  // Fri: 10:00–11:30 (1 h 30) + 3 h 30 = 5 h. Mon 09: 8 h → 13 h. Tue 10: 3 h → 10:00. Weekends are not listed.
  const friday = due('2026-03-06T10:00:00+07:00', days(2));
  assert.equal(friday.at, '2026-03-10T10:00:00+07:00');
  assert.ok(!friday.codes.includes('SKIP_DAYS_OFF'));
  // Sunday 08/03 09:00: a day off → Monday 09/03 07:00; 1 day = 8 h → Monday 17:00.
  const sunday = due('2026-03-08T09:00:00+07:00', days(1));
  assert.equal(sunday.at, '2026-03-09T17:00:00+07:00');
  assert.match(
    sunday.vi,
    /^nhận 09:00 Chủ nhật 08\/03\/2026 → ngày nghỉ \(Chủ nhật\): tính từ ngày làm việc tiếp theo, 07:00 thứ Hai 09\/03\/2026/,
  );
});

test('certification, same day with the 15:00 cut-off', () => {
  // Tue 10/03/2026: at 14:59 and at 15:00 sharp (not "after 15:00") → by closing the same day, 17:00.
  assert.equal(due('2026-03-10T14:59:00+07:00', CERTIFICATION).at, '2026-03-10T17:00:00+07:00');
  assert.equal(due('2026-03-10T15:00:00+07:00', CERTIFICATION).at, '2026-03-10T17:00:00+07:00');
  // 15:01 → the next working day, Wednesday 11/03, by 17:00.
  const late = due('2026-03-10T15:01:00+07:00', CERTIFICATION);
  assert.equal(late.at, '2026-03-11T17:00:00+07:00');
  assert.equal(
    late.vi,
    'nhận 15:01 thứ Ba 10/03/2026 → sau 15:00: tính từ ngày làm việc tiếp theo, 07:00 thứ Tư 11/03/2026; trả trong ngày → hẹn trả 17:00 ngày 11/03/2026',
  );
  // Friday 13/02/2026 15:30, before Tết → Monday 23/02 17:00.
  assert.equal(due('2026-02-13T15:30:00+07:00', CERTIFICATION).at, '2026-02-23T17:00:00+07:00');
  // Voluminous papers: extension of 2 working days from Tue 17:00 → Wed 17:00 → Thu 12/03 17:00.
  const extended = due('2026-03-10T14:00:00+07:00', CERTIFICATION, { extension: { workingDays: 2 } });
  assert.equal(extended.at, '2026-03-12T17:00:00+07:00');
  assert.match(extended.vi, /gia hạn 2 ngày làm việc \(hẹn cũ 17:00 ngày 10\/03\/2026\)/);
});

test('after closing, before opening and during the lunch break', () => {
  // Tue 10/03 17:30 → after hours → Wed 11/03 07:00; 8 h → Wed 17:00.
  const after = due('2026-03-10T17:30:00+07:00', days(1));
  assert.equal(after.at, '2026-03-11T17:00:00+07:00');
  assert.match(after.vi, /→ sau giờ làm việc: tính từ ngày làm việc tiếp theo, 07:00 thứ Tư 11\/03\/2026/);
  // 17:00 sharp is closing: also the next working day.
  assert.equal(due('2026-03-10T17:00:00+07:00', days(1)).at, '2026-03-11T17:00:00+07:00');
  // Tue 06:30 → from 07:00; 4 working hours → 11:00.
  const early = due('2026-03-10T06:30:00+07:00', { kind: 'workingHours', hours: 4 });
  assert.equal(early.at, '2026-03-10T11:00:00+07:00');
  assert.match(early.vi, /→ trước giờ làm việc: tính từ 07:00; 4 giờ làm việc/);
  // 1.5 working hours from Tue 11:00: 30 min to 11:30, 1 h from 13:30 → 14:30; Vietnamese writes "1,5".
  const half = due('2026-03-10T11:00:00+07:00', { kind: 'workingHours', hours: 1.5 });
  assert.equal(half.at, '2026-03-10T14:30:00+07:00');
  assert.match(half.vi, /; 1,5 giờ làm việc → hẹn trả 14:30 ngày 10\/03\/2026$/);
  // Tue 12:15 (lunch) → from 13:30: 13:30–17:00 (3 h 30) + Wed 07:00–11:30 (4 h 30) = 8 h exactly → Wed 11:30.
  const lunch = due('2026-03-10T12:15:00+07:00', days(1));
  assert.equal(lunch.at, '2026-03-11T11:30:00+07:00');
  assert.match(lunch.vi, /→ trong giờ nghỉ: tính từ 13:30/);
});

test('online: within 1 hour before closing counts from the next working day', () => {
  // Tue 10/03 15:59 is before 16:00: 15:59–17:00 = 61 min; 480 − 61 = 419 min from Wed 07:00: 270 min to
  // 11:30, then 149 min from 13:30 → 15:59 Wed 11/03.
  assert.equal(due('2026-03-10T15:59:00+07:00', days(1, ONLINE)).at, '2026-03-11T15:59:00+07:00');
  // 16:00 → next working day Wed 07:00 → Wed 17:00.
  assert.equal(due('2026-03-10T16:00:00+07:00', days(1, ONLINE)).at, '2026-03-11T17:00:00+07:00');
});

test('a supplement pause stops the clock for the working time inside it', () => {
  // Mon 09/03 09:00, 3 days = 24 h. Mon 09:00–17:00 = 6 h; Tue 07:00–10:00 = 3 h → 9 h; paused Tue 10:00 to
  // Thu 12/03 14:00; Thu 14:00–17:00 = 3 h → 12 h; Fri 13: 8 h → 20 h; Mon 16/03: 4 h from 07:00 → 11:00.
  // Working time removed: Tue 1 h 30 + 3 h 30, Wed 8 h, Thu 4 h 30 + 30 min = 18 h.
  const pauses: Pause[] = [
    {
      from: new Date('2026-03-10T10:00:00+07:00'),
      to: new Date('2026-03-12T14:00:00+07:00'),
      reason: 'supplement',
    },
  ];
  const result = due('2026-03-09T09:00:00+07:00', days(3), { pauses });
  assert.equal(result.at, '2026-03-16T11:00:00+07:00');
  assert.match(
    result.vi,
    /; tạm dừng chờ bổ sung 10:00 10\/03\/2026–14:00 12\/03\/2026: không tính 18 giờ làm việc → hẹn trả 11:00 ngày 16\/03\/2026$/,
  );
  const step = result.steps.find((s) => s.code === 'PAUSE');
  assert.equal(step?.params.workingMinutes, 18 * 60);
  // Without the pause: Mon 09:00 + 24 h = Thu 12/03 09:00.
  assert.equal(due('2026-03-09T09:00:00+07:00', days(3)).at, '2026-03-12T09:00:00+07:00');
  // A pause after the due instant changes nothing and removes 0 working time.
  const late = due('2026-03-09T09:00:00+07:00', days(3), {
    pauses: [{ from: new Date('2026-03-20T08:00:00+07:00'), to: new Date('2026-03-21T08:00:00+07:00') }],
  });
  assert.equal(late.at, '2026-03-12T09:00:00+07:00');
});

test('one extension adds its working time after the due instant', () => {
  // Mon 09/03 09:00 + 3 days → Thu 12/03 09:00; + 2 days (16 h): Thu 09:00–17:00 6 h, Fri 8 h → 14 h,
  // Mon 16/03 2 h → 09:00.
  const result = due('2026-03-09T09:00:00+07:00', days(3), { extension: { workingDays: 2 } });
  assert.equal(result.at, '2026-03-16T09:00:00+07:00');
  const step = result.steps.find((s) => s.code === 'EXTENSION');
  assert.equal(step?.params.previousDueAt, '2026-03-12T09:00:00+07:00');
  // An extension in hours: + 3 h from Thu 09:00 → 12:00 is lunch, so 2 h 30 to 11:30 and 30 min → 14:00.
  assert.equal(
    due('2026-03-09T09:00:00+07:00', days(3), { extension: { workingHours: 3 } }).at,
    '2026-03-12T14:00:00+07:00',
  );
});

test('immediately: at reception during office hours, else at the next opening', () => {
  assert.equal(due('2026-03-10T10:00:00+07:00', { kind: 'immediately' }).at, '2026-03-10T10:00:00+07:00');
  // Saturday 14/03 → Monday 16/03 07:00.
  assert.equal(due('2026-03-14T10:00:00+07:00', { kind: 'immediately' }).at, '2026-03-16T07:00:00+07:00');
});

test('a unit that works on Saturday morning', () => {
  const saturdayMorning: OfficeHours = {
    ...DEFAULT_OFFICE_HOURS,
    workingWeekdays: [1, 2, 3, 4, 5, 6],
    sessionsByWeekday: { 6: [{ from: '07:00', to: '11:30' }] },
  };
  // Fri 06/03 15:00, 1 day = 8 h: Fri 15:00–17:00 = 2 h; Sat 07:00–11:30 = 4 h 30 → 6 h 30; Mon 09/03 1 h 30 → 08:30.
  assert.equal(
    due('2026-03-06T15:00:00+07:00', days(1), { officeHours: saturdayMorning }).at,
    '2026-03-09T08:30:00+07:00',
  );
  // Online on Saturday 10:45: within 1 h of Saturday's closing (11:30) → Monday 07:00 → Monday 17:00.
  assert.equal(
    due('2026-03-07T10:45:00+07:00', days(1, ONLINE), { officeHours: saturdayMorning }).at,
    '2026-03-09T17:00:00+07:00',
  );
});

test('bad input is a CalendarError with a closed code', () => {
  const base = { calendar: official, officeHours: DEFAULT_OFFICE_HOURS, rule: days(1) };
  assert.throws(() => computeDueDate({ ...base, receivedAt: new Date('nope') }), {
    code: 'INVALID_ARGUMENT',
  });
  const receivedAt = new Date('2026-03-10T10:00:00+07:00');
  assert.throws(() => computeDueDate({ ...base, receivedAt, rule: days(-1) }), { code: 'INVALID_RULE' });
  assert.throws(() => computeDueDate({ ...base, receivedAt, rule: { kind: 'workingDays', days: 1.5 } }), {
    code: 'INVALID_RULE',
  });
  assert.throws(
    () =>
      computeDueDate({
        ...base,
        receivedAt,
        rule: { kind: 'sameDay', cutoff: { kind: 'time', after: '25:00' } },
      }),
    {
      code: 'INVALID_RULE',
    },
  );
  assert.throws(
    () => computeDueDate({ ...base, receivedAt, rule: { kind: 'soon' } as unknown as DeadlineRule }),
    { code: 'INVALID_RULE' },
  );
  assert.throws(
    () =>
      computeDueDate({
        ...base,
        receivedAt,
        officeHours: { ...DEFAULT_OFFICE_HOURS, sessions: [{ from: '13:30', to: '11:30' }] },
      }),
    { code: 'INVALID_OFFICE_HOURS' },
  );
  assert.throws(
    () =>
      computeDueDate({
        ...base,
        receivedAt,
        officeHours: {
          ...DEFAULT_OFFICE_HOURS,
          sessions: [
            { from: '07:00', to: '12:00' },
            { from: '11:00', to: '17:00' },
          ],
        },
      }),
    { code: 'INVALID_OFFICE_HOURS' },
  );
  assert.throws(
    () => computeDueDate({ ...base, receivedAt, pauses: [{ from: receivedAt, to: new Date(0) }] }),
    { code: 'INVALID_ARGUMENT' },
  );
  assert.throws(() => computeDueDate({ ...base, receivedAt, extension: { workingDays: -1 } }), {
    code: 'INVALID_ARGUMENT',
  });
  assert.throws(
    () =>
      computeDueDate({ ...base, receivedAt, officeHours: { ...DEFAULT_OFFICE_HOURS, workingWeekdays: [] } }),
    {
      code: 'NO_WORKING_TIME',
    },
  );
});
