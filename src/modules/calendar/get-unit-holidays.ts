import type { DbExecutor } from '../../database.ts';
import type { HolidayTable, OfficeHours } from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { getWorkingCalendar } from './get-working-calendar.ts';

/** Years the calendar library computes (its lunar approximations hold in 1800–2199). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

export interface UnitHolidays {
  readonly unit: Unit;
  /** The table in force for the year: an official one (`source.kind = 'decision'`) or the defaults. */
  readonly table: HolidayTable;
  /** The unit that set the official table (this one or one above), or null for the defaults. */
  readonly setByUnitId: string | null;
  readonly officeHours: OfficeHours;
  readonly officeHoursFrom: string | null;
}

/**
 * The holidays of one year as they apply to a unit, and its office hours (public: the working-calendar
 * page and `GET /api/v1/calendar/holidays`).
 *
 * @throws AppError NOT_FOUND (unknown unit), VALIDATION_FAILED (`year` outside 1800–2199)
 */
export async function getUnitHolidays(options: {
  db: DbExecutor;
  unitId: string;
  year: number;
}): Promise<UnitHolidays> {
  if (!Number.isInteger(options.year) || options.year < MIN_YEAR || options.year > MAX_YEAR) {
    throw new AppError('VALIDATION_FAILED', `The year must be ${MIN_YEAR}–${MAX_YEAR}.`, {
      fields: { year: 'yearOutOfRange' },
    });
  }
  const working = await getWorkingCalendar({ db: options.db, unitId: options.unitId });
  return {
    unit: working.unit,
    table: working.calendar.tableFor(options.year),
    setByUnitId: working.holidayTablesFrom.get(options.year) ?? null,
    officeHours: working.officeHours,
    officeHoursFrom: working.officeHoursFrom,
  };
}
