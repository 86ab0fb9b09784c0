// Everything the staff dossier page shows of processing (issue 7 §1): the dossier with its timeline, the
// workflow state, hand-overs (BM.05), supplements (BM.02), the history, the actions the actor may take now
// and the people and units they may hand or assign to.
import type { Db } from '../../database.ts';
import { listStatusEvents } from '../dossiers/dossier.repository.ts';
import type { DossierStatusEvent } from '../dossiers/dossier.table.ts';
import { recordDossierView } from '../dossiers/record-dossier-view.ts';
import type { StaffActor } from '../identity/actor.ts';
import { findUnitById } from '../organisation/unit.repository.ts';
import type { SignatureRequest } from '../signature-requests/signature-request.table.ts';
import { isStepRole } from './assign-dossier.ts';
import { stepDueAt } from './dossier-deadline.ts';
import { findResultTemplate, type ResultTemplate } from './find-result-template.ts';
import { defaultNextStep } from './hand-over-dossier.ts';
import { availableActions, type DossierWork, loadDossierWork, reachUnits } from './load-dossier-work.ts';
import { findSlipSignature, type SignableSlip } from './request-slip-signature.ts';
import { findResultSignature } from './result-signing.ts';
import { listHandovers, listSupplements, listUnitStaff, listWorkEvents } from './workflow.repository.ts';
import type { DossierHandover, DossierSupplement, DossierWorkEvent } from './workflow.table.ts';
import type { WorkflowActionName } from './workflow-actions.ts';

export interface DossierWorkView {
  readonly work: DossierWork;
  readonly timeline: readonly DossierStatusEvent[];
  readonly handovers: readonly DossierHandover[];
  readonly supplements: readonly DossierSupplement[];
  readonly events: readonly DossierWorkEvent[];
  readonly actions: readonly WorkflowActionName[];
  readonly people: readonly { id: string; name: string; role: string; unitId: string }[];
  readonly units: readonly { id: string; name: string }[];
  readonly assigneeName: string | null;
  /** When the current step is due by its time budget (while the dossier is being worked on). */
  readonly stepDueAt: Date | null;
  /** The step a hand-over goes to unless another is chosen. */
  readonly nextStep: number;
  /** The newest signature request of the result (issue 7 §2), if it was sent for signing. */
  readonly resultSignature: SignatureRequest | undefined;
  /** The procedure's stored result template (the commune's, else the province's) while in processing. */
  readonly resultTemplate: ResultTemplate | undefined;
  /** The newest signature request of the referral slip and of BM.04, when they exist. */
  readonly slipSignatures: Partial<Record<SignableSlip, SignatureRequest>>;
}

/**
 * Opening it shows the applicant's personal data: a `dossier.viewed` audit event (issue 4 §1).
 * @throws AppError NOT_FOUND when the actor may not see the dossier
 */
export async function getDossierWorkView(options: {
  db: Db;
  actor: StaffActor;
  code: string;
  requestId: string | null;
}): Promise<DossierWorkView> {
  const { db } = options;
  const work = await loadDossierWork(options);
  const id = work.dossier.id;
  const reach = reachUnits(work);
  // Hand-over targets: the units reaching the dossier and the level above the deciding body (referral
  // inside the system goes there too).
  const above = work.decidingBody.parent_id ? await findUnitById(db, work.decidingBody.parent_id) : undefined;
  const units = [...reach, ...(above ? [above] : [])];
  const staff = await listUnitStaff(
    db,
    units.map((u) => u.id),
  );
  // Only roles that take part in processing can be assigned or handed to (not administrators, auditors).
  const people = staff
    .filter((s) => isStepRole(s.role))
    .map((s) => ({ id: s.id, name: s.full_name, role: s.role, unitId: s.unit_id }));
  const assigneeId = work.workflow.assignee_staff_id;
  const isWorking = [2, 4, 6].includes(work.dossier.status);
  const budget = work.procedure?.steps[work.workflow.step_index]?.budget;
  const stepDue = isWorking
    ? await stepDueAt(db, work.workflow.holder_unit_id, budget, work.workflow.step_started_at)
    : null;
  await recordDossierView({
    db,
    actor: options.actor,
    requestId: options.requestId,
    dossier: work.dossier,
    kind: 'page',
  });
  const handovers = await listHandovers(db, id);
  return {
    work,
    timeline: await listStatusEvents(db, id),
    handovers,
    nextStep: defaultNextStep(work, handovers.length),
    supplements: await listSupplements(db, id),
    events: await listWorkEvents(db, id),
    actions: availableActions(options.actor, work),
    people,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    assigneeName: assigneeId ? (people.find((p) => p.id === assigneeId)?.name ?? null) : null,
    stepDueAt: stepDue,
    resultSignature: await findResultSignature(db, work.dossier.code),
    resultTemplate: work.dossier.status === 4 ? await findResultTemplate(db, work) : undefined,
    slipSignatures: {
      ...(work.workflow.closure === 'referred'
        ? { referral: await findSlipSignature(db, work.dossier.code, 'referral') }
        : {}),
      ...(work.workflow.extended_at ? { bm04: await findSlipSignature(db, work.dossier.code, 'bm04') } : {}),
    },
  };
}
