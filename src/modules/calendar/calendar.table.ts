import type { ColumnType, Selectable } from 'kysely';
import type { HolidayTable, OfficeHours } from '../../lib/calendar/index.ts';

/** An official holiday table of one unit (a province) for one year, entered from the decision that set it. */
export interface HolidayTableTable {
  unit_id: string;
  year: number;
  /** The decision's reference as written on it (số, ký hiệu, ngày), also inside `content.source`. */
  decision_reference: string;
  /** `YYYY-MM-DD`, when known. */
  decision_issued_on: string | null;
  /** The whole table, checked by `validateHolidayTable` before it is stored. */
  content: ColumnType<HolidayTable, string, string>;
  /** The administrator who last set it; null for the demo seed. */
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Office hours of a unit, checked by `validateOfficeHours` before they are stored. */
export interface OfficeHoursTable {
  unit_id: string;
  content: ColumnType<OfficeHours, string, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type HolidayTableRow = Selectable<HolidayTableTable>;
export type OfficeHoursRow = Selectable<OfficeHoursTable>;

export interface CalendarTables {
  holiday_tables: HolidayTableTable;
  office_hours: OfficeHoursTable;
}
