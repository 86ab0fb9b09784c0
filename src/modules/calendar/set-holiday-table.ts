import type { Db } from '../../database.ts';
import { type HolidayTable, validateHolidayTable } from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import type { StaffActor } from '../identity/actor.ts';
import { assertCan } from '../identity/permissions.ts';
import { upsertHolidayTable } from './calendar.repository.ts';
import { withCalendarErrors } from './calendar-error.ts';
import { getUnit } from './unit-ancestry.ts';
import { invalidateWorkingCalendars } from './working-calendar-cache.ts';

export interface SetHolidayTableOptions {
  readonly db: Db;
  /** A unit administrator of the province (or above it); null for the system (demo seed). */
  readonly actor: StaffActor | null;
  readonly requestId: string | null;
  /** The province whose table this is; the units below it inherit it. */
  readonly unitId: string;
  /** The whole year as the decision sets it: every day off and every swapped working day. */
  readonly table: HolidayTable;
}

/**
 * Enters (or replaces) a province's official holiday table for one year, from the decision that set it
 * (Labour Code Art. 112: the Prime Minister fixes the Tết and 2/9 days each year; DOMAIN.md "Holidays").
 * It replaces the Labour Code defaults for that whole year, for the province and every unit below it.
 *
 * @throws AppError NOT_FOUND (unknown unit), FORBIDDEN (no `unit.configure` there), VALIDATION_FAILED
 *   (`unitId` not a province, `reference` missing, `table` inconsistent)
 */
export async function setHolidayTable(options: SetHolidayTableOptions): Promise<void> {
  const unit = await getUnit(options.db, options.unitId);
  if (options.actor) {
    assertCan(options.actor, 'unit.configure', unit);
  }
  if (unit.kind !== 'province') {
    throw new AppError('VALIDATION_FAILED', 'Holiday tables are set at province level.', {
      fields: { unitId: 'provinceOnly' },
    });
  }
  const source = options.table.source;
  const reference = source?.kind === 'decision' ? source.reference.trim() : '';
  if (!reference) {
    throw new AppError('VALIDATION_FAILED', 'An official table names the decision that set it.', {
      fields: { reference: 'required' },
    });
  }
  withCalendarErrors({ INVALID_HOLIDAY_TABLE: 'table' }, () => validateHolidayTable(options.table));
  const issuedOn = source.kind === 'decision' ? (source.issuedOn ?? null) : null;
  if (issuedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) {
    throw new AppError('VALIDATION_FAILED', 'The decision date is YYYY-MM-DD.', {
      fields: { issuedOn: 'invalidDate' },
    });
  }
  await options.db.transaction().execute(async (trx) => {
    await upsertHolidayTable(trx, {
      unitId: unit.id,
      table: options.table,
      reference,
      issuedOn,
      by: options.actor?.staffId ?? null,
    });
    await appendAuditEvent(trx, {
      actor: options.actor ? { type: 'staff', id: options.actor.staffId } : { type: 'system', id: null },
      action: 'calendar.holiday_table_set',
      unitId: unit.id,
      subjectType: 'holiday_table',
      subjectId: `${unit.id}/${options.table.year}`,
      requestId: options.requestId,
      state: options.table,
      details: { year: options.table.year, daysOff: options.table.daysOff.length },
    });
  });
  invalidateWorkingCalendars(options.db);
}
