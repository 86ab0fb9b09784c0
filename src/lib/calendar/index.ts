// Public API of the calendar library: Vietnamese lunar calendar, statutory holidays, office hours and the
// working-day deadline engine. Framework-free: imports nothing from modules/, platform/ or web/.
export { type ComputeDueDateOptions, computeDueDate } from './compute-due-date.ts';
export {
  createHolidayCalendar,
  type HolidayCalendar,
  type HolidayEntry,
  validateHolidayTable,
} from './create-holiday-calendar.ts';
export { defaultHolidayTable, HOLIDAY_NAMES } from './default-holiday-table.ts';
export { type DayDescription, describeDay } from './describe-day.ts';
export { CalendarError, type CalendarErrorCode } from './errors.ts';
export {
  formatDateTimeVi,
  formatDateVi,
  formatDocumentDateVi,
  formatTimeVi,
  toVietnamIso,
  weekdayNameEn,
  weekdayNameVi,
  weekdayOf,
} from './format-vi.ts';
export { lunarToSolar } from './lunar-to-solar.ts';
export { lunarYearName } from './lunar-year-name.ts';
export { DEFAULT_OFFICE_HOURS, validateOfficeHours } from './office-hours.ts';
export { renderDerivation } from './render-derivation.ts';
export { type ShiftWorkingDaysOptions, shiftWorkingDays } from './shift-working-days.ts';
export { solarToLunar } from './solar-to-lunar.ts';
export type * from './types.ts';
