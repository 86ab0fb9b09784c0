// The dossier processing state machine (issue 7 §1) as one table: for every action the statuses it may
// start from, the status it leads to (none: the status stays), who may do it, and what it records. Each
// action is one use case file (`<verb>-<noun>.ts`) that runs through runWorkflowAction, which enforces
// this table; status changes go through the dossiers module's changeDossierStatus.
import type { AuditAction } from '../audit-log/audit-actions.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import type { Permission } from '../identity/permissions.ts';

export interface WorkflowActionRule {
  readonly from: readonly DossierStatus[];
  readonly to: DossierStatus | null;
  /** Any one of these on a unit that reaches the dossier (see loadDossierWork). */
  readonly permissions: readonly Permission[];
  readonly audit: AuditAction;
  /** The further guard the use case applies, for the reader of this table. */
  readonly guard?: string;
}

const ACTIVE: readonly DossierStatus[] = [2, 4, 5, 6];
/** Everyone who works on dossiers: one-stop staff, specialists, leaders, and clerks (seal and return). */
export const ANY_STAFF: readonly Permission[] = [
  'dossier.receive',
  'dossier.process',
  'dossier.approve',
  'document.seal',
];

export const WORKFLOW_ACTIONS = {
  assign: { from: ACTIVE, to: null, permissions: ANY_STAFF, audit: 'workflow.assigned' },
  handOver: {
    from: [2, 4],
    to: null,
    permissions: ANY_STAFF,
    audit: 'workflow.handed_over',
    guard:
      'the actor holds the dossier (a dossier held by no one: the one-stop staff of the holding unit) or leads the holding unit or deciding body, else FORBIDDEN; the target step exists; the target unit is in the same province tree',
  },
  claim: {
    from: [2, 4, 5, 6, 9],
    to: null,
    permissions: ANY_STAFF,
    audit: 'workflow.claimed',
    guard: 'the actor is the person or holds the role the dossier was handed to',
  },
  start: { from: [2], to: 4, permissions: ['dossier.process'], audit: 'workflow.started' },
  comment: {
    from: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    to: null,
    permissions: ANY_STAFF,
    audit: 'workflow.commented',
  },
  requestSupplement: {
    from: [2, 4],
    to: 5,
    permissions: ['dossier.receive', 'dossier.process'],
    audit: 'workflow.supplement_requested',
  },
  supply: {
    from: [5],
    to: 4,
    permissions: ['dossier.receive'],
    audit: 'workflow.supplied',
    guard: 'online: the signed-in citizen is the applicant',
  },
  refuse: {
    from: [2, 4],
    to: 3,
    permissions: ['dossier.process', 'dossier.approve'],
    audit: 'workflow.refused',
  },
  withdraw: { from: ACTIVE, to: 7, permissions: ['dossier.receive'], audit: 'workflow.withdrawn' },
  stop: { from: ACTIVE, to: 8, permissions: ['dossier.approve'], audit: 'workflow.stopped' },
  requestPayment: {
    from: [4],
    to: 6,
    permissions: ['dossier.process'],
    audit: 'workflow.payment_requested',
  },
  recordPayment: { from: [6], to: 4, permissions: ['dossier.receive'], audit: 'workflow.payment_recorded' },
  uploadResult: { from: [4], to: null, permissions: ['dossier.process'], audit: 'workflow.result_uploaded' },
  // results (issue 7 §2): the result drafted from the procedure's template, stored like an upload.
  generateResult: {
    from: [4],
    to: null,
    permissions: ['dossier.process'],
    audit: 'workflow.result_uploaded',
    guard: 'no signature request of the result is open',
  },
  approve: {
    from: [4],
    to: null,
    permissions: ['dossier.approve'],
    audit: 'workflow.approved',
    guard:
      'a result is uploaded, not yet approved (or its signature request was returned), none awaiting signatures',
  },
  markProcessed: {
    from: [4],
    to: 9,
    // The clerk too: sealing the signed result finishes processing (issue 7 §2, finish-signed-result.ts).
    permissions: ['dossier.process', 'dossier.approve', 'document.seal'],
    audit: 'workflow.processed',
    guard: 'the result is approved and no signature request of it is open (the seal finishes it)',
  },
  returnResult: {
    from: [9],
    to: 10,
    permissions: ['dossier.receive', 'document.seal'],
    audit: 'workflow.result_returned',
  },
  refer: {
    from: [2, 4],
    to: 8,
    permissions: ['dossier.receive', 'dossier.process'],
    audit: 'workflow.referred',
  },
  extend: {
    from: [4, 5, 6],
    to: null,
    permissions: ['dossier.approve'],
    audit: 'workflow.extended',
    guard: 'the procedure allows an extension, none granted before, within its limit of days',
  },
} as const satisfies Record<string, WorkflowActionRule>;

export type WorkflowActionName = keyof typeof WORKFLOW_ACTIONS;
export const WORKFLOW_ACTION_NAMES = Object.keys(WORKFLOW_ACTIONS) as WorkflowActionName[];

/** Statuses in which a dossier is still being worked on (queues, warnings). */
export const OPEN_STATUSES: readonly DossierStatus[] = [2, 4, 5, 6, 9];
