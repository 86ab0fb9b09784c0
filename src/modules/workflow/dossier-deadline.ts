// Deadlines in processing (issue 7 §1, §5): the due date after supplement pauses and the one extension,
// step due dates from the procedure's step budgets, and early / on time / late.
import type { DbExecutor, Trx } from '../../database.ts';
import type { Pause } from '../../lib/calendar/index.ts';
import { computeUnitDueDate } from '../calendar/compute-unit-due-date.ts';
import { procedureDeadlineRule } from '../calendar/procedure-deadline-rule.ts';
import type { TimeBudget } from '../catalogue/procedure.types.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import { setDossierDueDate } from '../dossiers/set-dossier-due-date.ts';
import { listSupplements } from './workflow.repository.ts';
import type { DossierWorkflow, Timeliness } from './workflow.table.ts';

/**
 * Recomputes the dossier's due date from its reception with every closed clock stop (supplements of a
 * procedure whose clock may stop: `[requested_at, supplied_at)`) and the extension, on the receiving unit's
 * calendar, and stores it on the dossier (`dossiers.due_at` stays the current due date). Returns the due
 * date and the statutory one (without the extension), on which the outcome is measured.
 */
export async function recomputeDueDate(
  trx: Trx,
  dossier: Dossier,
  extensionDays: number | null,
): Promise<{ dueAt: Date; statutoryDueAt: Date }> {
  const rule = await procedureDeadlineRule({
    db: trx,
    unitId: dossier.unit_id,
    procedureCode: dossier.procedure_code,
    receivedAt: dossier.received_at,
    channel: dossier.channel === 'online' ? 'online' : 'counter',
  });
  const pauses: Pause[] = (await listSupplements(trx, dossier.id))
    .filter((s) => s.is_clock_stopped && s.supplied_at !== null)
    .map((s) => ({ from: s.requested_at, to: s.supplied_at as Date, reason: 'supplement' }));
  const base = { db: trx, unitId: dossier.unit_id, rule, receivedAt: dossier.received_at, pauses };
  const statutory = await computeUnitDueDate(base);
  const due = extensionDays
    ? await computeUnitDueDate({ ...base, extension: { workingDays: extensionDays } })
    : statutory;
  await setDossierDueDate(trx, { dossierId: dossier.id, dueAt: due.dueAt, derivation: due.derivation });
  return { dueAt: due.dueAt, statutoryDueAt: statutory.dueAt };
}

/**
 * Late after the due instant; early when done on a Vietnam calendar day before the due day; on time
 * otherwise (done on the due day, by the due time), as BM.05 and the statistics count them.
 */
export function classifyTimeliness(doneAt: Date, dueAt: Date | null): Timeliness {
  if (!dueAt) {
    return 'on_time';
  }
  if (doneAt.getTime() > dueAt.getTime()) {
    return 'late';
  }
  return vietnamDate(doneAt) < vietnamDate(dueAt) ? 'early' : 'on_time';
}

/**
 * The outcome of processing finished at `at` (markProcessed, recordDecidedFinish), measured on the statutory
 * due date (pauses counted, the extension not: a dossier that needed an extension and finished after its
 * statutory date is late, issue 7 §5); without a statutory date on the workflow row, on the dossier's due
 * date.
 */
export function processingOutcome(
  at: Date,
  workflow: Pick<DossierWorkflow, 'statutory_due_at'>,
  dossier: Pick<Dossier, 'due_at'>,
): Timeliness {
  return classifyTimeliness(at, workflow.statutory_due_at ?? dossier.due_at);
}

/** When a step started at `startedAt` on the unit's calendar is due by its time budget. */
export async function stepDueAt(
  db: DbExecutor,
  unitId: string,
  budget: TimeBudget | undefined,
  startedAt: Date,
): Promise<Date | null> {
  if (!budget || budget.amount <= 0) {
    return null;
  }
  const rule =
    budget.unit === 'workingDays'
      ? ({ kind: 'workingDays', days: budget.amount } as const)
      : ({ kind: 'workingHours', hours: budget.amount } as const);
  return (await computeUnitDueDate({ db, unitId, rule, receivedAt: startedAt })).dueAt;
}
