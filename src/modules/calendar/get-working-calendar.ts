import type { DbExecutor } from '../../database.ts';
import {
  createHolidayCalendar,
  DEFAULT_OFFICE_HOURS,
  type HolidayCalendar,
  type HolidayTable,
  type OfficeHours,
} from '../../lib/calendar/index.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { listHolidayTablesOfUnits, listOfficeHoursOfUnits } from './calendar.repository.ts';
import { ancestryOf, getUnit, nearest } from './unit-ancestry.ts';
import { cachedPerUnit } from './working-calendar-cache.ts';

export interface WorkingCalendar {
  readonly unit: Unit;
  /** Official tables where the nearest unit up the tree (usually the province) entered one; defaults elsewhere. */
  readonly calendar: HolidayCalendar;
  readonly officeHours: OfficeHours;
  /** The unit whose office hours apply (this one or the nearest above), or null for DEFAULT_OFFICE_HOURS. */
  readonly officeHoursFrom: string | null;
  /** For each year with an official table in force here: the unit that set it. */
  readonly holidayTablesFrom: ReadonlyMap<number, string>;
}

/**
 * The working calendar of a unit (issue 6 §2): for each year the official holiday table of the nearest unit
 * up the tree that has one for that year (tables are set at province level and inherited by the units
 * below), the Labour Code defaults for years without one; office hours likewise from the nearest unit that
 * set them, else DEFAULT_OFFICE_HOURS. Public information.
 *
 * @throws AppError NOT_FOUND for an unknown unit
 */
export async function getWorkingCalendar(options: {
  db: DbExecutor;
  unitId: string;
}): Promise<WorkingCalendar> {
  // Inside a transaction read afresh (the caller may have just changed the calendar); else the cache.
  if (options.db.isTransaction) {
    return loadWorkingCalendar(options);
  }
  return cachedPerUnit(options.db, options.unitId, () => loadWorkingCalendar(options));
}

async function loadWorkingCalendar(options: { db: DbExecutor; unitId: string }): Promise<WorkingCalendar> {
  const unit = await getUnit(options.db, options.unitId);
  const ancestry = ancestryOf(unit);
  const [tableRows, hourRows] = await Promise.all([
    listHolidayTablesOfUnits(options.db, ancestry),
    listOfficeHoursOfUnits(options.db, ancestry),
  ]);
  const byYear = new Map<number, (typeof tableRows)[number][]>();
  for (const row of tableRows) {
    byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  }
  const tables: HolidayTable[] = [];
  const holidayTablesFrom = new Map<number, string>();
  for (const [year, rows] of byYear) {
    const chosen = nearest(rows, ancestry);
    if (chosen) {
      tables.push(chosen.content);
      holidayTablesFrom.set(year, chosen.unit_id);
    }
  }
  const hours = nearest(hourRows, ancestry);
  return {
    unit,
    calendar: createHolidayCalendar(tables),
    officeHours: hours?.content ?? DEFAULT_OFFICE_HOURS,
    officeHoursFrom: hours?.unit_id ?? null,
    holidayTablesFrom,
  };
}
