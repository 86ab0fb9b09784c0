import { defaultHolidayTable } from './default-holiday-table.ts';
import { CalendarError } from './errors.ts';
import { assertYearInRange, parseIsoDate } from './internal/civil-date.ts';
import type { DayOff, ExtraWorkingDay, HolidayTable } from './types.ts';

/** What a holiday table says about one date. */
export interface HolidayEntry {
  readonly dayOff?: DayOff;
  readonly workingDay?: ExtraWorkingDay;
}

/** The holiday tables of every year: official ones where entered, the Labour Code defaults elsewhere. */
export interface HolidayCalendar {
  /** The table in force for `year`: the official table if one was given, else `defaultHolidayTable(year)`. */
  tableFor(year: number): HolidayTable;
  /** What the table in force says about a date `YYYY-MM-DD` (empty when it is an ordinary day). */
  entryFor(date: string): HolidayEntry;
}

interface IndexedTable {
  readonly table: HolidayTable;
  readonly entries: ReadonlyMap<string, HolidayEntry>;
}

/**
 * Builds a holiday calendar from the official tables admins entered (at most one per year, each set by a
 * decision). Years without a table fall back to the defaults, computed once and cached.
 *
 * @throws CalendarError INVALID_HOLIDAY_TABLE (two tables for a year, or see `validateHolidayTable`)
 */
export function createHolidayCalendar(officialTables: readonly HolidayTable[] = []): HolidayCalendar {
  const byYear = new Map<number, IndexedTable>();
  for (const table of officialTables) {
    if (byYear.has(table.year)) {
      throw new CalendarError('INVALID_HOLIDAY_TABLE', `two holiday tables for ${table.year}`);
    }
    byYear.set(table.year, indexTable(table));
  }
  const indexed = (year: number): IndexedTable => {
    let found = byYear.get(year);
    if (!found) {
      found = indexTable(defaultHolidayTable(year));
      byYear.set(year, found);
    }
    return found;
  };
  return {
    tableFor: (year) => indexed(year).table,
    entryFor: (date) => indexed(parseIsoDate(date).year).entries.get(date) ?? {},
  };
}

/**
 * Checks a holiday table: year in range, every date a real `YYYY-MM-DD` inside that year, no date listed
 * twice, no date both a day off and a working day, known kinds, names in both languages.
 *
 * @throws CalendarError INVALID_HOLIDAY_TABLE
 */
export function validateHolidayTable(table: HolidayTable): void {
  indexTable(table);
}

function indexTable(table: HolidayTable): IndexedTable {
  const fail = (message: string, cause?: unknown): never => {
    throw new CalendarError('INVALID_HOLIDAY_TABLE', `holiday table ${table?.year}: ${message}`, { cause });
  };
  if (
    typeof table !== 'object' ||
    table === null ||
    !Array.isArray(table.daysOff) ||
    !Array.isArray(table.workingDays)
  ) {
    return fail('needs year, source, daysOff and workingDays');
  }
  try {
    assertYearInRange(table.year);
  } catch (error) {
    fail('year out of range', error);
  }
  if (
    table.source?.kind !== 'default' &&
    !(table.source?.kind === 'decision' && typeof table.source.reference === 'string')
  ) {
    fail('source must be the default or a decision with its reference');
  }
  const entries = new Map<string, HolidayEntry>();
  const add = (date: string, entry: HolidayEntry, name: unknown): void => {
    let year: number | undefined;
    try {
      year = parseIsoDate(date).year;
    } catch (error) {
      fail(`"${date}" is not a date`, error);
    }
    if (year !== table.year) {
      fail(`${date} is not in ${table.year}`);
    }
    if (entries.has(date)) {
      fail(`${date} is listed twice`);
    }
    const text = name as { vi?: unknown; en?: unknown } | undefined;
    if (typeof text?.vi !== 'string' || typeof text.en !== 'string') {
      fail(`${date} needs a name in vi and en`);
    }
    entries.set(date, entry);
  };
  for (const dayOff of table.daysOff) {
    if (!['holiday', 'compensatory', 'swapped'].includes(dayOff.kind)) {
      fail(`${dayOff.date}: unknown kind "${dayOff.kind}"`);
    }
    add(dayOff.date, { dayOff }, dayOff.name);
  }
  for (const workingDay of table.workingDays) {
    add(workingDay.date, { workingDay }, workingDay.name);
  }
  return { table, entries };
}
