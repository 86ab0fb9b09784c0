// Public API of the calendar library: Vietnamese lunar calendar, statutory holidays, working-day deadlines.
export type { CalendarErrorCode } from './errors.ts';
export { CalendarError } from './errors.ts';
export { lunarToSolar } from './lunar-to-solar.ts';
export { solarToLunar } from './solar-to-lunar.ts';
export type * from './types.ts';
