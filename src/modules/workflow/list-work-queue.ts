// Work queues (issue 7 §1 "work queues per role with due dates and overdue highlighting", §5 "warnings to
// the handler and the one-stop staff before breach"): what is on each staff member's desk.
import type { DbExecutor } from '../../database.ts';
import { computeUnitDueDate } from '../calendar/compute-unit-due-date.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import type { StaffActor } from '../identity/actor.ts';
import type { Role } from '../identity/roles.ts';
import { findWarningDays } from './workflow.repository.ts';
import { OPEN_STATUSES } from './workflow-actions.ts';

/** Warn this many working days before a due date unless the unit (or its commune) set its own. */
export const DEFAULT_WARNING_WORKING_DAYS = 1;

/** Why a dossier is on this desk. */
export type QueueReason =
  /** Assigned to the actor in person. */
  | 'mine'
  /** In a role queue the actor belongs to in the holding unit, no one has taken it yet. */
  | 'queue'
  /** A result awaits the leader's approval. */
  | 'approval'
  /** One-stop staff see every open dossier of their unit: they warn, answer citizens and return results. */
  | 'oneStop'
  /** Leaders see every open dossier of their commune (and its centre): they answer for the deadlines. */
  | 'oversight';

export type QueueFlag = 'overdue' | 'warning' | null;

export interface QueueItem {
  readonly code: string;
  /** The receiving unit of the dossier. */
  readonly unitId: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly applicantName: string;
  readonly status: DossierStatus;
  readonly receivedAt: Date;
  readonly dueAt: Date | null;
  readonly stepIndex: number;
  readonly assigneeName: string | null;
  readonly assigneeRole: string | null;
  readonly reason: QueueReason;
  readonly flag: QueueFlag;
}

/**
 * The actor's queue: dossiers in an open status (2, 4, 5, 6, 9) reaching a unit where the actor holds a
 * role, with why each is there and a flag: overdue (past due and not paused for a supplement or already
 * processed), or warning (due within the unit's warning threshold in working days, default 1). Overdue
 * first, then by due date.
 */
export async function listWorkQueue(options: {
  db: DbExecutor;
  actor: StaffActor;
  now?: Date;
}): Promise<QueueItem[]> {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const unitIds = [...new Set(actor.roles.map((r) => r.unitId))];
  if (unitIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('dossier_workflows as w', 'w.dossier_id', 'd.id')
    .leftJoin('staff as s', (join) =>
      join.on((eb) => eb('s.id', '=', eb.fn.coalesce('w.assignee_staff_id', 'd.received_by'))),
    )
    .select([
      'd.id',
      'd.code',
      'd.unit_id',
      'u.parent_id',
      'd.procedure_code',
      'd.procedure_name',
      'd.applicant',
      'd.status',
      'd.received_at',
      'd.due_at',
      'w.dossier_id as workflow_id',
      'w.holder_unit_id',
      'w.step_index',
      'w.assignee_staff_id',
      'w.assignee_role',
      'w.result_sha256',
      'w.approved_at',
      'd.received_by',
      's.full_name as assignee_name',
    ])
    .where('d.status', 'in', [...OPEN_STATUSES])
    .where((eb) =>
      eb.or([
        eb('d.unit_id', 'in', unitIds),
        eb('u.parent_id', 'in', unitIds),
        eb('w.holder_unit_id', 'in', unitIds),
      ]),
    )
    .orderBy('d.due_at')
    .limit(500)
    .execute();

  const hasRole = (role: Role, unitId: string | null) =>
    unitId !== null && actor.roles.some((r) => r.role === role && r.unitId === unitId);
  const items: (QueueItem & { parentId: string | null })[] = [];
  for (const row of rows) {
    const holder = row.holder_unit_id ?? row.unit_id;
    const assignee = row.workflow_id ? row.assignee_staff_id : row.received_by;
    const role = row.workflow_id ? row.assignee_role : null;
    const reachesUnit = (unitId: string) => unitId === row.unit_id || unitId === row.parent_id;
    let reason: QueueReason | null = null;
    if (assignee === actor.staffId) {
      reason = 'mine';
    } else if (assignee === null && role !== null && hasRole(role as Role, holder)) {
      reason = 'queue';
    } else if (
      row.status === 4 &&
      row.result_sha256 &&
      !row.approved_at &&
      actor.roles.some((r) => r.role === 'leader' && reachesUnit(r.unitId))
    ) {
      reason = 'approval';
    } else if (hasRole('receptionist', row.unit_id)) {
      reason = 'oneStop';
    } else if (actor.roles.some((r) => r.role === 'leader' && reachesUnit(r.unitId))) {
      reason = 'oversight';
    }
    if (reason === null) {
      continue;
    }
    items.push({
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: row.procedure_name,
      applicantName: row.applicant.fullName,
      status: row.status,
      receivedAt: row.received_at,
      dueAt: row.due_at,
      stepIndex: row.step_index ?? 0,
      assigneeName: row.assignee_name,
      assigneeRole: role,
      reason,
      flag: null,
      unitId: row.unit_id,
      parentId: row.parent_id,
    });
  }
  const thresholds = await warningThresholds(db, items, now);
  return items
    .map(({ parentId: _parent, ...item }) => ({
      ...item,
      flag: flagOf(item, now, thresholds.get(item.unitId)),
    }))
    .sort((a, b) => Number(b.flag === 'overdue') - Number(a.flag === 'overdue'));
}

function flagOf(item: QueueItem, now: Date, threshold: Date | null | undefined): QueueFlag {
  // Paused (awaiting a supplement) or processed (awaiting return): the processing clock is not running.
  if (!item.dueAt || item.status === 5 || item.status === 9) {
    return null;
  }
  if (item.dueAt.getTime() < now.getTime()) {
    return 'overdue';
  }
  return threshold && item.dueAt.getTime() <= threshold.getTime() ? 'warning' : null;
}

/** Per receiving unit: the instant N working days from now on its calendar (N from the unit or its commune). */
async function warningThresholds(
  db: DbExecutor,
  items: readonly { unitId: string; parentId: string | null }[],
  now: Date,
): Promise<Map<string, Date | null>> {
  const units = new Map(items.map((i) => [i.unitId, i.parentId]));
  const settings = await findWarningDays(db, [
    ...units.keys(),
    ...[...units.values()].filter((p): p is string => p !== null),
  ]);
  const result = new Map<string, Date | null>();
  for (const [unitId, parentId] of units) {
    const days =
      settings.get(unitId) ?? (parentId ? settings.get(parentId) : undefined) ?? DEFAULT_WARNING_WORKING_DAYS;
    result.set(
      unitId,
      days === 0
        ? null
        : (await computeUnitDueDate({ db, unitId, rule: { kind: 'workingDays', days }, receivedAt: now }))
            .dueAt,
    );
  }
  return result;
}
