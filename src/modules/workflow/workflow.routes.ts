// The workflow API (issue 7 §1): `POST /api/v1/dossiers/{code}/<action>` for every action of the state
// machine, `GET /api/v1/work-queues`, and the unit's warning threshold. Bearer tokens; one route each,
// each a schema and one use-case call.
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { type Clock, systemClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../dossiers/check-upload.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { approveResult } from './approve-result.ts';
import { assignDossier } from './assign-dossier.ts';
import { claimDossier } from './claim-dossier.ts';
import { commentOnDossier } from './comment-on-dossier.ts';
import { extendDeadline } from './extend-deadline.ts';
import { generateResult } from './generate-result.ts';
import { getDossierWorkView } from './get-dossier-work-view.ts';
import { handOverDossier } from './hand-over-dossier.ts';
import { markProcessed } from './mark-processed.ts';
import { recordPayment } from './record-payment.ts';
import { referDossier } from './refer-dossier.ts';
import { refuseDossier } from './refuse-dossier.ts';
import { requestPayment } from './request-payment.ts';
import { requestSupplement } from './request-supplement.ts';
import { returnResult } from './return-result.ts';
import type { ActionOutcome, WorkflowActionOptions } from './run-workflow-action.ts';
import { setWarningThreshold } from './set-warning-threshold.ts';
import { startProcessing } from './start-processing.ts';
import { stopProcessing } from './stop-processing.ts';
import { supplyDossier } from './supply-dossier.ts';
import { uploadResult } from './upload-result.ts';
import { viewWorkQueue } from './view-work-queue.ts';
import { withdrawDossier } from './withdraw-dossier.ts';
import {
  DossierWorkflowState,
  WORKFLOW_BODIES,
  WorkflowActionResult,
  WorkQueue,
} from './workflow.schemas.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionName } from './workflow-actions.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// biome-ignore lint/suspicious/noExplicitAny: each route's body is checked by its own schema first
type Body = any;
type Run = (base: WorkflowActionOptions, body: Body, blobStore: BlobStore) => Promise<ActionOutcome<unknown>>;

export function decodeBase64(value: string, field: string): Uint8Array {
  if (!BASE64.test(value)) {
    throw new AppError('VALIDATION_FAILED', 'A file is not valid base64.', { fields: { [field]: 'base64' } });
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/** Every action's path segment, body schema and use case. */
export const WORKFLOW_API_ROUTES: Record<
  WorkflowActionName,
  { path: string; body?: TSchema; run: Run; summary: string }
> = {
  assign: {
    path: 'assign',
    body: WORKFLOW_BODIES.assign,
    run: (b, x) => assignDossier({ ...b, ...x }),
    summary: 'Assign to a person or a role queue',
  },
  handOver: {
    path: 'hand-over',
    body: WORKFLOW_BODIES.handOver,
    run: (b, x) => handOverDossier({ ...b, ...x }),
    summary: 'Hand over to another step or unit (BM.05 row)',
  },
  claim: { path: 'claim', run: (b) => claimDossier(b), summary: 'Take a dossier handed to me or my queue' },
  start: { path: 'start', run: (b) => startProcessing(b), summary: 'Start processing (2 → 4)' },
  comment: {
    path: 'comments',
    body: WORKFLOW_BODIES.comment,
    run: (b, x) => commentOnDossier({ ...b, ...x }),
    summary: 'Comment',
  },
  requestSupplement: {
    path: 'supplement-requests',
    body: WORKFLOW_BODIES.requestSupplement,
    run: (b, x) => requestSupplement({ ...b, ...x }),
    summary: 'Request a supplement (→ 5, BM.02; the clock stops)',
  },
  supply: {
    path: 'supply',
    body: WORKFLOW_BODIES.supply,
    run: (b, x, blobStore) =>
      supplyDossier({
        ...b,
        blobStore,
        note: x.note,
        files: (x.files ?? []).map((f: { contentBase64: string }) => decodeBase64(f.contentBase64, 'files')),
      }),
    summary: 'Record the supplement at the counter (5 → 4; due date recomputed)',
  },
  refuse: {
    path: 'refuse',
    body: WORKFLOW_BODIES.refuse,
    run: (b, x) => refuseDossier({ ...b, ...x }),
    summary: 'Refuse with reasons (→ 3)',
  },
  withdraw: {
    path: 'withdraw',
    body: WORKFLOW_BODIES.withdraw,
    run: (b, x) => withdrawDossier({ ...b, ...x }),
    summary: 'Withdraw at the applicant’s request (→ 7)',
  },
  stop: {
    path: 'stop',
    body: WORKFLOW_BODIES.stop,
    run: (b, x) => stopProcessing({ ...b, ...x }),
    summary: 'Stop processing (→ 8)',
  },
  requestPayment: {
    path: 'payment-request',
    body: WORKFLOW_BODIES.requestPayment,
    run: (b, x) => requestPayment({ ...b, ...x }),
    summary: 'Notify a financial obligation (4 → 6)',
  },
  recordPayment: {
    path: 'payment',
    body: WORKFLOW_BODIES.recordPayment,
    run: (b, x) => recordPayment({ ...b, ...x }),
    summary: 'Record the payment (6 → 4)',
  },
  uploadResult: {
    path: 'result',
    body: WORKFLOW_BODIES.uploadResult,
    run: (b, x, blobStore) => uploadResult({ ...b, blobStore, pdf: decodeBase64(x.contentBase64, 'result') }),
    summary: 'Upload the result PDF (clears an approval)',
  },
  generateResult: {
    path: 'result-from-template',
    body: WORKFLOW_BODIES.generateResult,
    run: (b, x, blobStore) => generateResult({ ...b, ...x, blobStore }),
    summary: 'Draft the result from the procedure’s template (Decree 30 layout; clears an approval)',
  },
  approve: {
    path: 'approve',
    body: WORKFLOW_BODIES.approve,
    run: (b, x, blobStore) => approveResult({ ...b, ...x, blobStore }),
    summary: 'Approve the result (leader)',
  },
  markProcessed: {
    path: 'mark-processed',
    run: (b) => markProcessed(b),
    summary: 'Finish processing (4 → 9), outcome early / on time / late',
  },
  returnResult: {
    path: 'return',
    body: WORKFLOW_BODIES.returnResult,
    run: (b, x) => returnResult({ ...b, ...x }),
    summary: 'Return the result (9 → 10)',
  },
  refer: {
    path: 'refer',
    body: WORKFLOW_BODIES.refer,
    run: (b, x) => referDossier({ ...b, ...x }),
    summary: 'Refer to a higher level with a guidance slip (→ 8)',
  },
  extend: {
    path: 'extend',
    body: WORKFLOW_BODIES.extend,
    run: (b, x) => extendDeadline({ ...b, ...x }),
    summary: 'Grant the one extension (BM.04), due date recomputed',
  },
};

/** Dates as ISO strings for JSON. */
function plain(value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object') {
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

export function registerWorkflowApiRoutes(
  app: FastifyInstance,
  options: { db: Db; blobStore: BlobStore; clock?: Clock },
): void {
  const { db, blobStore } = options;
  const clock = options.clock ?? systemClock;
  app.addSchema(WorkflowActionResult);
  app.addSchema(WorkQueue);
  app.addSchema(DossierWorkflowState);
  for (const [name, route] of Object.entries(WORKFLOW_API_ROUTES) as [
    WorkflowActionName,
    (typeof WORKFLOW_API_ROUTES)[WorkflowActionName],
  ][]) {
    const rule = WORKFLOW_ACTIONS[name];
    app.post<{ Params: { code: string }; Body: Body }>(
      `/api/v1/dossiers/:code/${route.path}`,
      {
        // Bodies whose fields are all optional may be left out: validate them as `{}`.
        preValidation: async (request) => {
          request.body ??= {};
        },
        // Files travel base64 in the JSON: only the two file actions take large bodies.
        ...(name === 'supply' || name === 'uploadResult'
          ? { bodyLimit: Math.ceil((DEFAULT_UPLOAD_LIMITS.maxDossierBytes * 4) / 3) + 64 * 1024 }
          : {}),
        schema: {
          tags: ['workflow'],
          summary: `${route.summary}; from status ${rule.from.join(', ')}; needs ${rule.permissions.join(' or ')}`,
          security: [{ bearer: [] }],
          params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
          ...(route.body ? { body: route.body } : {}),
          response: {
            200: Type.Ref('WorkflowActionResult'),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
          },
        },
      },
      async (request) => {
        const actor = requireStaff(request);
        const base = { db, actor, requestId: request.id, code: request.params.code, now: clock.now() };
        const outcome = await route.run(base, request.body ?? {}, blobStore);
        const result = plain(outcome.result);
        return { code: outcome.code, status: outcome.status, ...(result ? { result } : {}) };
      },
    );
  }

  app.get<{ Params: { code: string } }>(
    '/api/v1/dossiers/:code/workflow',
    {
      schema: {
        tags: ['workflow'],
        summary:
          'The processing state of a dossier: step, holder, due dates, BM.05 hand-overs, supplements, my actions',
        security: [{ bearer: [] }],
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Ref('DossierWorkflowState'), 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const view = await getDossierWorkView({
        db,
        actor: requireStaff(request),
        code: request.params.code,
        requestId: request.id,
      });
      const { dossier, workflow: wf, procedure } = view.work;
      const iso = (at: Date | null) => at?.toISOString() ?? null;
      return {
        code: dossier.code,
        status: dossier.status,
        dueAt: iso(dossier.due_at),
        statutoryDueAt: iso(wf.statutory_due_at),
        stepIndex: wf.step_index,
        stepName: procedure?.steps[wf.step_index]?.name ?? null,
        stepDueAt: iso(view.stepDueAt),
        holderUnitId: wf.holder_unit_id,
        assigneeStaffId: wf.assignee_staff_id,
        assigneeRole: wf.assignee_role,
        extensionDays: wf.extension_days,
        approvedAt: iso(wf.approved_at),
        finishedAt: iso(wf.finished_at),
        outcome: wf.outcome,
        returnedAt: iso(wf.returned_at),
        resultSignature: view.resultSignature
          ? { id: view.resultSignature.id, state: view.resultSignature.state }
          : null,
        closure: wf.closure,
        handovers: view.handovers.map((h) => ({
          seq: h.seq,
          fromStep: h.from_step,
          toStep: h.to_step,
          fromUnitId: h.from_unit_id,
          toUnitId: h.to_unit_id,
          givenBy: h.given_by_name,
          givenAt: h.given_at.toISOString(),
          receivedBy: h.received_by_name,
          receivedAt: iso(h.received_at),
          stepDueAt: iso(h.step_due_at),
          result: h.result,
        })),
        supplements: view.supplements.map((s) => ({
          requestedAt: s.requested_at.toISOString(),
          items: [...s.items],
          reason: s.reason,
          isClockStopped: s.is_clock_stopped,
          suppliedAt: iso(s.supplied_at),
          suppliedVia: s.supplied_via,
        })),
        actions: [...view.actions],
      };
    },
  );

  app.get(
    '/api/v1/work-queues',
    {
      schema: {
        tags: ['workflow'],
        summary:
          'My work queue: dossiers assigned to me, in my role queues, awaiting my approval, or (one-stop staff, leaders) open in my unit; overdue and warning flags',
        security: [{ bearer: [] }],
        response: { 200: Type.Ref('WorkQueue'), 401: ErrorResponse },
      },
    },
    async (request) => {
      // It names the applicants: a `register.viewed` event per receiving unit listed.
      const items = await viewWorkQueue({ db, actor: requireStaff(request), requestId: request.id });
      return {
        items: items.map(({ unitId: _unit, ...i }) => ({
          ...i,
          receivedAt: i.receivedAt.toISOString(),
          dueAt: i.dueAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.put<{ Params: { unitId: string }; Body: { warningWorkingDays: number } }>(
    '/api/v1/units/:unitId/workflow-settings',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Set the unit’s warning threshold before due dates, in working days (unit.configure)',
        security: [{ bearer: [] }],
        params: Type.Object({ unitId: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          { warningWorkingDays: Type.Integer({ minimum: 0, maximum: 10 }) },
          { additionalProperties: false },
        ),
        response: {
          204: Type.Null(),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      await setWarningThreshold({
        db,
        actor: requireStaff(request),
        requestId: request.id,
        unitId: request.params.unitId,
        days: request.body.warningWorkingDays,
      });
      return reply.status(204).send();
    },
  );
}
