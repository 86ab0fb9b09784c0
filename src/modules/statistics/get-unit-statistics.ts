import type { DbExecutor } from '../../database.ts';
import type { StaffActor } from '../identity/actor.ts';
import { choosePermittedUnit } from '../identity/list-permitted-units.ts';
import type { Unit } from '../organisation/unit.table.ts';
import {
  countByMonth,
  countByUnitAndProcedure,
  listScopeProcedures,
  type MonthRow,
  type StatisticsCounts,
  type StatisticsRow,
} from './statistics.repository.ts';
import { parsePeriod, type StatisticsPeriod } from './statistics-period.ts';

/** How the rows are broken down: per unit and procedure (the default), per unit, or per procedure. */
export const STATISTICS_GROUPINGS = ['unit-procedure', 'unit', 'procedure'] as const;
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number];

export interface StatisticsFilter {
  readonly groupBy?: string | undefined;
  readonly unitId?: string | undefined;
  readonly procedureCode?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface UnitStatistics {
  readonly unit: Unit;
  readonly units: readonly Unit[];
  readonly period: StatisticsPeriod;
  readonly procedureCode: string | undefined;
  readonly groupBy: StatisticsGrouping;
  readonly procedures: readonly { code: string; name: string }[];
  readonly rows: readonly StatisticsRow[];
  readonly totals: StatisticsCounts;
  /** Every month of the period, zeros included, so charts keep their time axis. */
  readonly months: readonly MonthRow[];
}

const ZERO: StatisticsCounts = {
  received: 0,
  inProgress: 0,
  overdue: 0,
  early: 0,
  onTime: 0,
  late: 0,
  returned: 0,
  supplements: 0,
  refusals: 0,
};

/** Early and on time over all finished, as a fraction; null when nothing finished. */
export function onTimeRate(counts: StatisticsCounts): number | null {
  const finished = counts.early + counts.onTime + counts.late;
  return finished === 0 ? null : (counts.early + counts.onTime) / finished;
}

export function addCounts(a: StatisticsCounts, b: StatisticsCounts): StatisticsCounts {
  const sum = { ...ZERO };
  for (const key of Object.keys(ZERO) as (keyof StatisticsCounts)[]) {
    sum[key] = a[key] + b[key];
  }
  return sum;
}

/** The per-unit-and-procedure rows folded per unit (procedure left empty) or per procedure (unit: the scope). */
export function groupRows(
  rows: readonly StatisticsRow[],
  groupBy: StatisticsGrouping,
  scope: Unit,
): StatisticsRow[] {
  if (groupBy === 'unit-procedure') {
    return [...rows];
  }
  const grouped = new Map<string, StatisticsRow>();
  for (const row of rows) {
    const key = groupBy === 'unit' ? row.unitId : row.procedureCode;
    const base =
      groupBy === 'unit'
        ? { unitId: row.unitId, unitName: row.unitName, procedureCode: '', procedureName: '' }
        : {
            unitId: scope.id,
            unitName: scope.name,
            procedureCode: row.procedureCode,
            procedureName: row.procedureName,
          };
    const seen = grouped.get(key);
    grouped.set(key, { ...base, ...addCounts(seen ?? ZERO, row) });
  }
  const all = [...grouped.values()];
  return groupBy === 'procedure' ? all.sort((a, b) => a.procedureCode.localeCompare(b.procedureCode)) : all;
}

function monthsOf(period: StatisticsPeriod, found: readonly MonthRow[]): MonthRow[] {
  const byMonth = new Map(found.map((m) => [m.month, m]));
  const months: MonthRow[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(byMonth.get(key) ?? { month: key, received: 0, early: 0, onTime: 0, late: 0 });
    if (key >= last) {
      return months;
    }
    month = month === 12 ? 1 : month + 1;
    year = month === 1 ? year + 1 : year;
  }
}

/**
 * The one-stop shop's statistics (issue 7 §7) for a unit and every unit below it, per unit and procedure,
 * over a period of Vietnam days, with totals, the on-time rate and a monthly series for the charts.
 * @throws AppError FORBIDDEN (no `statistics.read` on the unit), VALIDATION_FAILED (from, to)
 */
export async function getUnitStatistics(options: {
  db: DbExecutor;
  actor: StaffActor;
  filter: StatisticsFilter;
  now?: Date;
}): Promise<UnitStatistics> {
  const { db } = options;
  const now = options.now ?? new Date();
  const { unit, units } = await choosePermittedUnit(
    db,
    options.actor,
    'statistics.read',
    options.filter.unitId,
  );
  const period = parsePeriod(options.filter, now);
  const procedures = await listScopeProcedures(db, unit.path);
  const procedureCode = procedures.find((p) => p.code === options.filter.procedureCode)?.code;
  const scope = {
    unitPath: unit.path,
    procedureCode,
    start: period.start,
    end: period.end,
    asOf: new Date(Math.min(period.end.getTime(), now.getTime())),
  };
  const groupBy = STATISTICS_GROUPINGS.find((g) => g === options.filter.groupBy) ?? 'unit-procedure';
  const rows = groupRows(await countByUnitAndProcedure(db, scope), groupBy, unit);
  const months = monthsOf(period, await countByMonth(db, scope));
  return {
    unit,
    units,
    period,
    procedureCode,
    groupBy,
    procedures,
    rows,
    totals: rows.reduce(addCounts, ZERO),
    months,
  };
}
