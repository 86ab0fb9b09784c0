// Loading a dossier for processing and deciding who may touch it: the units that reach a dossier are the
// receiving unit (a commune's one-stop centre), the deciding body it belongs to (the commune, where the
// specialists and leaders sit) and the unit holding it now (after a hand-over to another unit).
import type { DbExecutor } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { findCatalogueUnits } from '../catalogue/catalogue-units.ts';
import { findEffectiveProcedure } from '../catalogue/find-effective-procedure.ts';
import type { EffectiveProcedure } from '../catalogue/procedure.types.ts';
import type { CitizenActor } from '../citizen-identity/citizen-actor.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import type { Dossier } from '../dossiers/dossier.table.ts';
import type { StaffActor } from '../identity/actor.ts';
import { can, type Permission, scopesFor } from '../identity/permissions.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { Unit } from '../organisation/unit.table.ts';
import { findWorkflow } from './workflow.repository.ts';
import type { DossierWorkflow } from './workflow.table.ts';
import { ANY_STAFF, WORKFLOW_ACTIONS, type WorkflowActionName } from './workflow-actions.ts';

export type WorkActor = StaffActor | CitizenActor;

export interface DossierWork {
  readonly dossier: Dossier;
  readonly unit: Unit;
  /** The commune or ward the receiving unit belongs to (itself when it is one). */
  readonly decidingBody: Unit;
  readonly holder: Unit;
  /** The stored workflow row, or the state of a dossier no one has touched since intake. */
  readonly workflow: DossierWorkflow;
  readonly isStored: boolean;
  /** The procedure as in force at reception (steps, budgets, extension and clock-stop rules). */
  readonly procedure: EffectiveProcedure | undefined;
}

/** The workflow state of a dossier fresh from intake: step 0 (reception), held by its receiving officer. */
export function initialWorkflow(dossier: Dossier): DossierWorkflow {
  return {
    dossier_id: dossier.id,
    holder_unit_id: dossier.unit_id,
    step_index: 0,
    assignee_staff_id: dossier.received_by,
    assignee_role: null,
    step_started_at: dossier.received_at,
    statutory_due_at: dossier.due_at,
    extension_days: null,
    extension_reason: null,
    extended_at: null,
    payment_vnd: null,
    payment_note: null,
    result_sha256: null,
    result_size: null,
    result_uploaded_at: null,
    approved_at: null,
    approved_by: null,
    finished_at: null,
    outcome: null,
    returned_at: null,
    returned_to: null,
    returned_to_identifier: null,
    returned_by_staff_id: null,
    closure: null,
    closure_reasons: null,
    referral: null,
  };
}

export function reachUnits(work: Pick<DossierWork, 'unit' | 'decidingBody' | 'holder'>): Unit[] {
  const all = [work.unit, work.decidingBody, work.holder];
  return all.filter((u, i) => all.findIndex((v) => v.id === u.id) === i);
}

export function canOnDossier(
  actor: StaffActor,
  permissions: readonly Permission[],
  work: Pick<DossierWork, 'unit' | 'decidingBody' | 'holder'>,
): boolean {
  return reachUnits(work).some((unit) => permissions.some((p) => can(actor, p, unit)));
}

/** Is this citizen the dossier's applicant (same personal identifier)? */
export function isApplicant(citizen: CitizenActor, dossier: Dossier): boolean {
  return citizen.personalIdentifier !== null && citizen.personalIdentifier === dossier.applicant_identifier;
}

/**
 * The dossier with its workflow state, for someone who may see it: staff with a dossier right on a unit
 * that reaches it, or the citizen who applied. Anyone else gets NOT_FOUND, as for an unknown code.
 */
export async function loadDossierWork(options: {
  db: DbExecutor;
  actor: WorkActor;
  code: string;
}): Promise<DossierWork> {
  const { db } = options;
  const dossier = await findDossierByCode(db, options.code.trim().toUpperCase());
  const units = dossier ? await findCatalogueUnits(db, dossier.unit_id) : undefined;
  if (!dossier || !units) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  const stored = await findWorkflow(db, dossier.id);
  const workflow = stored ?? initialWorkflow(dossier);
  const holder =
    workflow.holder_unit_id === units.unit.id ? units.unit : await findUnitById(db, workflow.holder_unit_id);
  const work: DossierWork = {
    dossier,
    unit: units.unit,
    decidingBody: units.adopter ?? units.unit,
    holder: holder ?? units.unit,
    workflow,
    isStored: stored !== undefined,
    procedure: await findEffectiveProcedure({
      db,
      unitId: dossier.unit_id,
      code: dossier.procedure_code,
      at: dossier.received_at,
    }),
  };
  const mayView =
    options.actor.kind === 'citizen'
      ? isApplicant(options.actor, dossier)
      : canOnDossier(options.actor, ANY_STAFF, work);
  if (!mayView) {
    throw new AppError('NOT_FOUND', 'No such dossier.');
  }
  return work;
}

/** FORBIDDEN unless the actor holds one of the action's permissions on a unit reaching the dossier. */
export function assertMayAct(actor: WorkActor, action: WorkflowActionName, work: DossierWork): void {
  if (actor.kind === 'citizen') {
    // The only thing a citizen does here is supply what was asked for, on their own dossier.
    if (action !== 'supply' || !isApplicant(actor, work.dossier)) {
      throw new AppError('FORBIDDEN', 'Citizens may only supply documents to their own dossier.');
    }
    return;
  }
  if (!canOnDossier(actor, WORKFLOW_ACTIONS[action].permissions, work)) {
    throw new AppError('FORBIDDEN', `Your roles do not allow "${action}" on this dossier.`);
  }
}

/**
 * Is the dossier the actor's to take: assigned to them, or in a role queue they hold in the holding unit?
 *
 * A dossier held by no one (no assignee and no role queue: imported from an older system, or received
 * with no receiving officer recorded) has not left the reception step of its holding unit, where the
 * one-stop shop (Bộ phận Một cửa) receives dossiers and passes them on (shared/DOMAIN.md "Dossiers": the
 * receiving officer hands over, BM.05). So it waits in the one-stop queue there: staff with
 * `dossier.receive` on the holding unit, not any colleague with some dossier right.
 */
export function isInActorsQueue(actor: StaffActor, workflow: DossierWorkflow): boolean {
  const { assignee_staff_id: staffId, assignee_role: role } = workflow;
  if (staffId !== null) {
    return staffId === actor.staffId;
  }
  if (role === null) {
    return scopesFor(actor, 'dossier.receive').some((r) => r.unitId === workflow.holder_unit_id);
  }
  return actor.roles.some((r) => r.role === role && r.unitId === workflow.holder_unit_id);
}

/**
 * Is the actor the dossier's current holder (the person it is assigned to, or someone in the role queue
 * it waits in at the holding unit; for a dossier held by no one, the one-stop staff of the holding unit:
 * isInActorsQueue) or a leader of the holding unit or of the deciding body? Only they hand it over
 * (issue 7 §1: a dossier moves on from the one who has it, not from any colleague).
 */
export function isHolderOrLeader(
  actor: StaffActor,
  work: Pick<DossierWork, 'workflow' | 'holder' | 'decidingBody'>,
): boolean {
  return (
    isInActorsQueue(actor, work.workflow) ||
    can(actor, 'dossier.approve', work.holder) ||
    can(actor, 'dossier.approve', work.decidingBody)
  );
}

/** Which actions the actor may do now (for the buttons on the dossier page); guards are checked on submit. */
export function availableActions(actor: StaffActor, work: DossierWork): WorkflowActionName[] {
  return (Object.keys(WORKFLOW_ACTIONS) as WorkflowActionName[]).filter((name) => {
    const rule = WORKFLOW_ACTIONS[name];
    return (
      (rule.from as readonly number[]).includes(work.dossier.status) &&
      canOnDossier(actor, rule.permissions, work) &&
      // taking a dossier already one's own, or someone else's, is pointless: not offered
      (name !== 'claim' ||
        (isInActorsQueue(actor, work.workflow) && work.workflow.assignee_staff_id === null)) &&
      (name !== 'handOver' || isHolderOrLeader(actor, work))
    );
  });
}
