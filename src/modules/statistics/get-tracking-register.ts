import { sql } from 'kysely';
import type { DbExecutor } from '../../database.ts';
import type { Applicant } from '../dossiers/dossier.table.ts';
import type { DossierChannel } from '../dossiers/dossier-status.ts';
import type { StaffActor } from '../identity/actor.ts';
import { choosePermittedUnit } from '../identity/list-permitted-units.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { parsePeriod, type StatisticsPeriod } from './statistics-period.ts';

/** One line of the BM.06 register (shared/DOMAIN.md "Forms"). */
export interface RegisterLine {
  readonly code: string;
  readonly procedureName: string;
  readonly applicant: Applicant;
  /** The body that decides: the commune or ward a one-stop centre belongs to, else the unit itself. */
  readonly decidingBody: string;
  readonly channel: DossierChannel;
  readonly receivedAt: Date;
  readonly dueAt: Date | null;
  /** The first time the result was returned (status 10), if it was. */
  readonly returnedAt: Date | null;
}

/** A register printed for a longer period stops here (the page says so). */
export const REGISTER_MAX_LINES = 2000;

/**
 * The BM.06 tracking register (Sổ theo dõi hồ sơ) of a unit and the units below it: every dossier received
 * in the period and accepted (a status 2; refusals at intake never have one), in order of reception.
 * @throws AppError FORBIDDEN (no `statistics.read` on the unit), VALIDATION_FAILED (from, to)
 */
export async function getTrackingRegister(options: {
  db: DbExecutor;
  actor: StaffActor;
  filter: { unitId?: string | undefined; procedureCode?: string | undefined; from?: string; to?: string };
  now?: Date;
}): Promise<{ unit: Unit; period: StatisticsPeriod; lines: RegisterLine[]; isTruncated: boolean }> {
  const { db } = options;
  const { unit } = await choosePermittedUnit(db, options.actor, 'statistics.read', options.filter.unitId);
  const period = parsePeriod(options.filter, options.now ?? new Date());
  let query = db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([
      'd.code',
      'd.procedure_name',
      'd.applicant',
      'd.channel',
      'd.received_at',
      'd.due_at',
      sql<string>`case when u.kind = 'service-centre' and p.name is not null then p.name else u.name end`.as(
        'deciding_body',
      ),
      sql<Date | null>`(select min(e.at) from dossier_status_events e where e.dossier_id = d.id and e.status = 10)`.as(
        'returned_at',
      ),
    ])
    .where('u.path', 'like', `${unit.path}%`)
    .where('d.received_at', '>=', period.start)
    .where('d.received_at', '<', period.end)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('dossier_status_events as r')
          .select('r.id')
          .whereRef('r.dossier_id', '=', 'd.id')
          .where('r.status', '=', 2),
      ),
    );
  if (options.filter.procedureCode) {
    query = query.where('d.procedure_code', '=', options.filter.procedureCode);
  }
  const rows = await query
    .orderBy('d.received_at')
    .orderBy('d.code')
    .limit(REGISTER_MAX_LINES + 1)
    .execute();
  const lines = rows.slice(0, REGISTER_MAX_LINES).map((r) => ({
    code: r.code,
    procedureName: r.procedure_name,
    applicant: r.applicant,
    decidingBody: r.deciding_body,
    channel: r.channel,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    returnedAt: r.returned_at ? new Date(r.returned_at) : null,
  }));
  return { unit, period, lines, isTruncated: rows.length > REGISTER_MAX_LINES };
}
