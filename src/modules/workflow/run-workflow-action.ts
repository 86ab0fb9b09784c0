// The one path every workflow action takes (shared/STYLE.md "A feature's shape"): authorise → load →
// guard the state → ONE transaction that locks the dossier's workflow row, re-checks the status, moves it
// through changeDossierStatus, writes the action's rows, its history line and its audit event (last).
import type { Updateable } from 'kysely';
import type { Db, Trx } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { changeDossierStatus } from '../dossiers/change-dossier-status.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import {
  assertMayAct,
  type DossierWork,
  initialWorkflow,
  loadDossierWork,
  type WorkActor,
} from './load-dossier-work.ts';
import { receiveHandoverIfAddressed } from './receive-handover.ts';
import { insertWorkEvent, lockWorkflow, updateWorkflow } from './workflow.repository.ts';
import type { DossierWorkflow, DossierWorkflowTable } from './workflow.table.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionName } from './workflow-actions.ts';

export interface WorkflowActionOptions {
  readonly db: Db;
  readonly actor: WorkActor;
  readonly requestId: string | null;
  readonly code: string;
  /** The clock (tests pass it); default now. */
  readonly now?: Date | undefined;
  /**
   * Run inside this open transaction instead of a new one: for a hook in another module's transaction
   * (remote signing: "result signed and sealed → status 9", issue 7 §2), so both commit or roll back together.
   */
  readonly trx?: Trx | undefined;
}

export interface AppliedAction<T> {
  readonly workflow?: Updateable<DossierWorkflowTable>;
  /** The line in the processing history (a comment, reasons). */
  readonly note?: string | null;
  /** Non-personal details for the audit event. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly result?: T;
}

export interface ActionOutcome<T> {
  readonly code: string;
  readonly status: DossierStatus;
  readonly result: T | undefined;
}

export function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', message);
}

function assertStatus(action: WorkflowActionName, status: DossierStatus): void {
  const from = WORKFLOW_ACTIONS[action].from as readonly DossierStatus[];
  if (!from.includes(status)) {
    throw invalidState(`"${action}" is not possible in status ${status} (allowed from ${from.join(', ')}).`);
  }
}

/**
 * Runs one workflow action. `check` validates input and the action's own guard before anything is written
 * (VALIDATION_FAILED, INVALID_STATE); `apply` writes inside the transaction, seeing the locked row.
 *
 * @throws AppError NOT_FOUND (no such dossier, or not visible to the actor), FORBIDDEN (no right for this
 *   action on a unit reaching the dossier), INVALID_STATE (the action is not allowed in the current status)
 */
export async function runWorkflowAction<T = undefined>(
  options: WorkflowActionOptions & {
    readonly action: WorkflowActionName;
    readonly check?: (work: DossierWork) => void | Promise<void>;
    readonly apply?: (
      trx: Trx,
      work: DossierWork,
      locked: DossierWorkflow,
      at: Date,
    ) => Promise<AppliedAction<T>>;
  },
): Promise<ActionOutcome<T>> {
  const { db, actor, action } = options;
  const rule = WORKFLOW_ACTIONS[action];
  const work = await loadDossierWork({ db: options.trx ?? db, actor, code: options.code });
  assertMayAct(actor, action, work);
  assertStatus(action, work.dossier.status);
  await options.check?.(work);
  const at = options.now ?? new Date();
  const { dossier } = work;

  const inTransaction = async (trx: Trx): Promise<ActionOutcome<T>> => {
    const initial = initialWorkflow(dossier);
    const locked = await lockWorkflow(trx, { ...initial, referral: null });
    // Re-read under the lock: another officer may have moved the dossier since it was loaded.
    const current = await trx
      .selectFrom('dossiers')
      .select('status')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    assertStatus(action, current.status);
    if (rule.to !== null) {
      await changeDossierStatus(trx, { dossierId: dossier.id, from: [current.status], to: rule.to, at });
    }
    // BM.05: the first action of the person (or role) a dossier was handed to is its receipt.
    const received =
      action === 'handOver' ? undefined : await receiveHandoverIfAddressed(trx, dossier.id, actor, at);
    const applied = (await options.apply?.(trx, { ...work, workflow: locked }, locked, at)) ?? {};
    await updateWorkflow(trx, dossier.id, {
      ...(received ? { step_started_at: at } : {}),
      ...applied.workflow,
    });
    const note = applied.note ?? null;
    await insertWorkEvent(trx, { dossier_id: dossier.id, action, at, actor_name: actor.fullName, note });
    const status = rule.to ?? current.status;
    await appendAuditEvent(trx, {
      actor:
        actor.kind === 'citizen'
          ? { type: 'citizen', id: actor.citizenId }
          : { type: 'staff', id: actor.staffId },
      action: rule.audit,
      unitId: work.unit.id,
      subjectType: 'dossier',
      subjectId: dossier.id,
      requestId: options.requestId,
      // Notes and reasons may name people: only their digest enters the log, with the new workflow state.
      state: { dossierId: dossier.id, status, workflow: { ...locked, ...applied.workflow }, note },
      details: { code: dossier.code, from: current.status, to: status, ...applied.details },
      at,
    });
    return { code: dossier.code, status, result: applied.result };
  };
  return options.trx ? inTransaction(options.trx) : db.transaction().execute(inTransaction);
}

/** A required free text, trimmed and bounded; VALIDATION_FAILED with `fields[field] = required`. */
export function requiredText(value: string | undefined | null, field: string, max = 2000): string {
  const text = (value ?? '').trim().slice(0, max);
  if (!text) {
    throw new AppError('VALIDATION_FAILED', `${field} is required.`, { fields: { [field]: 'required' } });
  }
  return text;
}

export function optionalText(value: string | undefined | null, max = 2000): string | null {
  const text = (value ?? '').trim().slice(0, max);
  return text || null;
}
