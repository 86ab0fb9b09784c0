// Public data types of the calendar library. All of them are plain JSON-compatible data except the
// instants (`Date`), so a holiday table or office hours can be stored as JSON and passed back in.

/** A civil (solar, Gregorian) date, no time and no zone. Months and days count from 1. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A date in the Vietnamese lunisolar calendar (âm lịch), reckoned at the UTC+7 meridian. `year` is the
 * solar year in which that lunar year's first day (Tết) falls; `isLeapMonth` marks the intercalary month
 * (tháng nhuận) that repeats the number of the month before it.
 */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly isLeapMonth: boolean;
}

/** Day of the week as `Date#getUTCDay` numbers it: 0 = Sunday (Chủ nhật), 1 = Monday (thứ Hai) … 6 = Saturday (thứ Bảy). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A local wall-clock time `HH:MM` (24 h) in Vietnam time, UTC+7, which has no daylight saving time. */
export type LocalTime = string;

/** One reception session, `[from, to)` in local time, e.g. `{ from: '07:00', to: '11:30' }`. */
export interface Session {
  readonly from: LocalTime;
  readonly to: LocalTime;
}

/**
 * Office hours of one unit (DOMAIN.md "Deadlines": vendor practice 07:00–11:30 and 13:30–17:00, configurable).
 * Times are Vietnam local time (Asia/Ho_Chi_Minh = fixed UTC+7).
 */
export interface OfficeHours {
  /** Sessions of a normal working day, ascending, not overlapping. Also used on a swapped working day. */
  readonly sessions: readonly Session[];
  /** Weekdays that are working days; default Monday–Friday. */
  readonly workingWeekdays: readonly Weekday[];
  /**
   * Sessions for particular weekdays instead of `sessions`, e.g. `{ 6: [{ from: '07:00', to: '11:30' }] }`
   * with 6 in `workingWeekdays` for a centre that receives on Saturday morning. Whether such a Saturday
   * counts towards deadlines is UNVERIFIED in the law (DOMAIN.md): it is this unit's choice.
   */
  readonly sessionsByWeekday?: Readonly<Partial<Record<Weekday, readonly Session[]>>>;
}

/** Why a day is off in a holiday table. */
export type DayOffKind =
  /** A public holiday of Labour Code 2019 Art. 112.1 (Tết, 10/3 lunar, 30/4, 1/5, 2/9 …). */
  | 'holiday'
  /** A compensatory day off (nghỉ bù) for a holiday that fell on a weekly rest day (Labour Code Art. 111.3). */
  | 'compensatory'
  /** A working day given off in exchange for a rest day worked instead (hoán đổi ngày làm việc). */
  | 'swapped';

export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** A day off in a holiday table. `date` is `YYYY-MM-DD`. */
export interface DayOff {
  readonly date: string;
  readonly kind: DayOffKind;
  readonly name: LocalizedText;
}

/** A weekly rest day made a working day (ngày làm bù), e.g. a Saturday, in exchange for `replaces`. */
export interface ExtraWorkingDay {
  readonly date: string;
  /** The day given off in exchange, when there is one (`YYYY-MM-DD`). */
  readonly replaces?: string;
  readonly name: LocalizedText;
}

/** Where a holiday table comes from. */
export type HolidaySource =
  /** Computed by `defaultHolidayTable` from Labour Code Art. 112 and the lunar calendar. */
  | { readonly kind: 'default' }
  /** Entered from an official decision (Prime Minister's decision, ministry notice, provincial decision). */
  | {
      readonly kind: 'decision';
      readonly reference: string;
      readonly issuedOn?: string;
      readonly note?: string;
    };

/**
 * Days off and extra working days of one solar year. An official table replaces the defaults for its whole
 * year: it must list every holiday, not only the changes. Dates must lie in `year`.
 */
export interface HolidayTable {
  readonly year: number;
  readonly source: HolidaySource;
  readonly daysOff: readonly DayOff[];
  readonly workingDays: readonly ExtraWorkingDay[];
}

/** How a received time may push the start of the count to the next working day. */
export type Cutoff =
  /** Received after this local time (strictly) on a working day → next working day (certification: 15:00). */
  | { readonly kind: 'time'; readonly after: LocalTime }
  /**
   * Received within `minutes` before the day's closing (or later) → next working day (online dossiers:
   * 1 hour before closing, joint e-procedure decree 11/2025, DOMAIN.md "Deadlines").
   */
  | { readonly kind: 'beforeClosing'; readonly minutes: number };

/** A statutory processing time. */
export type DeadlineRule =
  /** N working days, counted in working time (N × the length of a normal working day). */
  | { readonly kind: 'workingDays'; readonly days: number; readonly cutoff?: Cutoff }
  /** Within N working hours. */
  | { readonly kind: 'workingHours'; readonly hours: number; readonly cutoff?: Cutoff }
  /** The same working day, by closing; received after the cut-off → by closing of the next working day. */
  | { readonly kind: 'sameDay'; readonly cutoff: Cutoff }
  /** Immediately once the dossier is complete: due at the first working instant from reception. */
  | { readonly kind: 'immediately'; readonly cutoff?: Cutoff };

/** A clock stop `[from, to)`, e.g. awaiting a supplement (BM.02); only working time inside it is removed. */
export interface Pause {
  readonly from: Date;
  readonly to: Date;
  readonly reason?: 'supplement' | 'other';
}

/** The one extension allowed per dossier (BM.04), added after the due date in working time. */
export interface Extension {
  readonly workingDays?: number;
  readonly workingHours?: number;
}

/** Closed set of derivation step codes; each step also carries rendered `vi` and `en` text. */
export type DerivationCode =
  /** The reception instant. */
  | 'RECEIVED'
  /**
   * The count starts on the next working day; `params.reason` is NON_WORKING_DAY, AFTER_CUTOFF (15:00),
   * BEFORE_CLOSING (online, 1 hour before closing) or AFTER_HOURS; `params.start` the ISO start instant.
   */
  | 'START_NEXT_WORKING_DAY'
  /** Received before opening (`reason` BEFORE_OPENING) or in a break (BREAK): the count starts at the next session. */
  | 'START_NEXT_SESSION'
  /** The statutory time: N working days / hours, same day, or immediately. */
  | 'STATUTORY_TIME'
  /** A run of days off containing a holiday, compensatory or swapped day, skipped by the count. */
  | 'SKIP_DAYS_OFF'
  /** A weekly rest day that is a working day this year (làm bù), counted. */
  | 'EXTRA_WORKING_DAY'
  /** A clock stop; its working time is not counted. */
  | 'PAUSE'
  /** The extension added. */
  | 'EXTENSION'
  /** The resulting due instant (hẹn trả). */
  | 'DUE';

export interface DerivationStep {
  readonly code: DerivationCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly vi: string;
  readonly en: string;
}

export interface DueDate {
  readonly dueAt: Date;
  readonly derivation: readonly DerivationStep[];
}
