import type { DbExecutor } from '../../database.ts';
import {
  computeDueDate,
  type DeadlineRule,
  type DueDate,
  type Extension,
  type Pause,
} from '../../lib/calendar/index.ts';
import { withCalendarErrors } from './calendar-error.ts';
import { getWorkingCalendar } from './get-working-calendar.ts';

export interface ComputeUnitDueDateOptions {
  readonly db: DbExecutor;
  /** The unit that receives the dossier; its (inherited) holidays and office hours apply. */
  readonly unitId: string;
  readonly rule: DeadlineRule;
  readonly receivedAt: Date;
  /** Clock stops (supplement awaited, BM.02); an open one is passed with `to` = now. */
  readonly pauses?: readonly Pause[];
  /** The one extension allowed (BM.04). */
  readonly extension?: Extension;
}

/**
 * The due instant (hẹn trả) of a dossier received by a unit, with its derivation (vi and en), on that
 * unit's working calendar. Intake stores both with the dossier and prints them on the receipt (BM.01).
 *
 * @throws AppError NOT_FOUND (unknown unit), VALIDATION_FAILED (fields `rule`, `receivedAt`, `pauses`,
 *   `extension`), INVALID_STATE (the calendar leaves no working time)
 */
export async function computeUnitDueDate(options: ComputeUnitDueDateOptions): Promise<DueDate> {
  const working = await getWorkingCalendar({ db: options.db, unitId: options.unitId });
  return withCalendarErrors(
    { INVALID_RULE: 'rule', INVALID_ARGUMENT: 'receivedAt', OUT_OF_RANGE: 'receivedAt' },
    () =>
      computeDueDate({
        receivedAt: options.receivedAt,
        rule: options.rule,
        calendar: working.calendar,
        officeHours: working.officeHours,
        ...(options.pauses ? { pauses: options.pauses } : {}),
        ...(options.extension ? { extension: options.extension } : {}),
      }),
  );
}
