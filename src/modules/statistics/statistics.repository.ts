// The statistics queries (issue 7 §7), one SQL dialect for PGlite and PostgreSQL. Definitions:
// - received: dossiers received in the period that were accepted (a status 2 at some time: refusals at
//   intake never have one; an online submission gets it when the one-stop shop accepts it);
// - finished: the first status 9 or 10 in the period, early when on a Vietnam day before the due day, on
//   time up to the due time, late after it (dossiers.due_at: the current due date, extension included);
// - in progress: received and not closed (3, 7, 8, 9, 10) at the end of the period; overdue among them
//   when the due time had passed by then (or by now, for a period that has not ended);
// - returned: the first status 10 in the period; supplements, refusals: dossiers with a status 5 / 3 in it.
import { type RawBuilder, sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';

export interface StatisticsScope {
  /** The materialised path of the unit: the unit and every unit below it count. */
  readonly unitPath: string;
  readonly procedureCode?: string | undefined;
  readonly start: Date;
  readonly end: Date;
  /** The end of the period or now, whichever is earlier: overdue is judged then. */
  readonly asOf: Date;
}

export interface StatisticsCounts {
  readonly received: number;
  readonly inProgress: number;
  readonly overdue: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly returned: number;
  readonly supplements: number;
  readonly refusals: number;
}

/** The counts in the order tables and the CSV show them. */
export const COUNT_KEYS = [
  'received',
  'inProgress',
  'overdue',
  'early',
  'onTime',
  'late',
  'returned',
  'supplements',
  'refusals',
] as const satisfies readonly (keyof StatisticsCounts)[];

export interface StatisticsRow extends StatisticsCounts {
  readonly unitId: string;
  readonly unitName: string;
  readonly procedureCode: string;
  readonly procedureName: string;
}

export interface MonthRow {
  /** `YYYY-MM`, Vietnam time. */
  readonly month: string;
  readonly received: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
}

/** Vietnam local time of a timestamptz, with no time-zone database needed (UTC+7 since 1975). */
const vn = (column: RawBuilder<unknown>) => sql`((${column}) at time zone 'UTC' + interval '7 hours')`;

/** Per dossier of the scope received before the end: its dates and what happened to it (CTE `facts`). */
function factsCte(scope: StatisticsScope) {
  const procedure = scope.procedureCode ? sql`and d.procedure_code = ${scope.procedureCode}` : sql``;
  return sql`facts as (
    select d.id, d.unit_id, d.procedure_code, d.procedure_name, d.received_at, d.due_at,
      bool_or(e.status = 2) as is_received,
      min(e.at) filter (where e.status in (9, 10)) as finished_at,
      min(e.at) filter (where e.status = 10) as returned_at,
      min(e.at) filter (where e.status in (3, 7, 8, 9, 10)) as closed_at,
      bool_or(e.status = 5 and e.at >= ${scope.start} and e.at < ${scope.end}) as has_supplement,
      bool_or(e.status = 3 and e.at >= ${scope.start} and e.at < ${scope.end}) as has_refusal
    from dossiers d
    join units u on u.id = d.unit_id and u.path like ${`${scope.unitPath}%`}
    join dossier_status_events e on e.dossier_id = d.id
    where d.received_at < ${scope.end} ${procedure}
      -- Years of history stay out: a dossier returned, refused, withdrawn or stopped before the period
      -- cannot count in it (one finished but not yet returned still can: its return may fall inside).
      and (d.received_at >= ${scope.start} or not exists (
        select 1 from dossier_status_events c
        where c.dossier_id = d.id and c.status in (3, 7, 8, 10) and c.at < ${scope.start}))
    group by d.id
  )`;
}

function finishedIn(scope: StatisticsScope) {
  return sql`finished_at >= ${scope.start} and finished_at < ${scope.end}`;
}

/** Early / on time / late conditions on a `facts` row (a missing due date counts as on time). */
function timeliness() {
  const finishedDay = sql`${vn(sql`finished_at`)}::date`;
  const dueDay = sql`${vn(sql`due_at`)}::date`;
  return {
    early: sql`due_at is not null and ${finishedDay} < ${dueDay}`,
    onTime: sql`(due_at is null or (finished_at <= due_at and ${finishedDay} >= ${dueDay}))`,
    late: sql`due_at is not null and finished_at > due_at`,
  };
}

const n = (value: unknown) => Number(value ?? 0);

/** The counts per unit and procedure, in unit then procedure order. */
export async function countByUnitAndProcedure(
  db: DbExecutor,
  scope: StatisticsScope,
): Promise<StatisticsRow[]> {
  const t = timeliness();
  const finished = finishedIn(scope);
  const result = await sql<Record<string, unknown>>`
    with ${factsCte(scope)}
    select f.unit_id, min(u.name) as unit_name, min(u.path) as unit_path, f.procedure_code,
      max(f.procedure_name) as procedure_name,
      count(*) filter (where is_received and received_at >= ${scope.start}) as received,
      count(*) filter (where is_received and (closed_at is null or closed_at >= ${scope.end})) as in_progress,
      count(*) filter (where is_received and (closed_at is null or closed_at >= ${scope.end})
        and due_at < ${scope.asOf}) as overdue,
      count(*) filter (where ${finished} and ${t.early}) as early,
      count(*) filter (where ${finished} and ${t.onTime}) as on_time,
      count(*) filter (where ${finished} and ${t.late}) as late,
      count(*) filter (where returned_at >= ${scope.start} and returned_at < ${scope.end}) as returned,
      count(*) filter (where has_supplement) as supplements,
      count(*) filter (where has_refusal) as refusals
    from facts f join units u on u.id = f.unit_id
    group by f.unit_id, f.procedure_code
    order by unit_path, f.procedure_code`.execute(db);
  return result.rows
    .map((r) => ({
      unitId: String(r.unit_id),
      unitName: String(r.unit_name),
      procedureCode: String(r.procedure_code),
      procedureName: String(r.procedure_name),
      received: n(r.received),
      inProgress: n(r.in_progress),
      overdue: n(r.overdue),
      early: n(r.early),
      onTime: n(r.on_time),
      late: n(r.late),
      returned: n(r.returned),
      supplements: n(r.supplements),
      refusals: n(r.refusals),
    }))
    .filter((r) => Object.values(r).some((v) => typeof v === 'number' && v > 0));
}

/** Received and finished (early / on time / late) per Vietnam month of the period, for the charts. */
export async function countByMonth(db: DbExecutor, scope: StatisticsScope): Promise<MonthRow[]> {
  const t = timeliness();
  const result = await sql<Record<string, unknown>>`
    with ${factsCte(scope)},
    happenings as (
      select to_char(${vn(sql`received_at`)}, 'YYYY-MM') as month, 1 as received, 0 as early, 0 as on_time, 0 as late
      from facts where is_received and received_at >= ${scope.start}
      union all
      select to_char(${vn(sql`finished_at`)}, 'YYYY-MM'), 0,
        case when ${t.early} then 1 else 0 end, case when ${t.onTime} then 1 else 0 end,
        case when ${t.late} then 1 else 0 end
      from facts where ${finishedIn(scope)}
    )
    select month, sum(received) as received, sum(early) as early, sum(on_time) as on_time, sum(late) as late
    from happenings group by month order by month`.execute(db);
  return result.rows.map((r) => ({
    month: String(r.month),
    received: n(r.received),
    early: n(r.early),
    onTime: n(r.on_time),
    late: n(r.late),
  }));
}

/** The procedures that occur among the scope's dossiers (the procedure filter's choices). */
export async function listScopeProcedures(
  db: DbExecutor,
  unitPath: string,
): Promise<{ code: string; name: string }[]> {
  const rows = await db
    .selectFrom('dossiers')
    .innerJoin('units', 'units.id', 'dossiers.unit_id')
    .select(['dossiers.procedure_code as code', (eb) => eb.fn.max('dossiers.procedure_name').as('name')])
    .where('units.path', 'like', `${unitPath}%`)
    .groupBy('dossiers.procedure_code')
    .orderBy('dossiers.procedure_code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: String(r.name) }));
}
