// TypeBox schemas of the workflow API (issue 7 §1), named in the OpenAPI document.
import { Type } from '@sinclair/typebox';
import { STEP_ROLES } from '../catalogue/procedure.types.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });
const Note = Type.Optional(Text(2000));
const Base64File = Type.Object(
  { contentBase64: Type.String({ description: 'The file, base64 (PDF, JPEG or PNG)' }) },
  { additionalProperties: false },
);

export const WORKFLOW_BODIES = {
  assign: Type.Object(
    {
      staffId: Type.Optional(Type.String({ format: 'uuid', description: 'A person; or give role' })),
      role: Type.Optional(
        Type.Union(
          STEP_ROLES.map((r) => Type.Literal(r)),
          { description: 'A role queue' },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  handOver: Type.Object(
    {
      toStep: Type.Optional(
        Type.Integer({ minimum: 0, description: 'Procedure step index; default the next' }),
      ),
      toUnitId: Type.Optional(Type.String({ format: 'uuid', description: 'Default: the holding unit' })),
      toStaffId: Type.Optional(Type.String({ format: 'uuid', description: 'Default: the step role queue' })),
      note: Note,
    },
    { additionalProperties: false },
  ),
  comment: Type.Object({ text: Text(2000) }, { additionalProperties: false }),
  requestSupplement: Type.Object(
    {
      items: Type.Array(Text(500), { minItems: 1, maxItems: 20, description: 'What is missing (BM.02)' }),
      reason: Text(2000),
      contact: Type.Optional(Text(500)),
    },
    { additionalProperties: false },
  ),
  supply: Type.Object(
    { files: Type.Optional(Type.Array(Base64File, { maxItems: 20 })), note: Note },
    { additionalProperties: false },
  ),
  refuse: Type.Object({ reasons: Text(2000) }, { additionalProperties: false }),
  withdraw: Type.Object({ reason: Note }, { additionalProperties: false }),
  stop: Type.Object({ reasons: Text(2000) }, { additionalProperties: false }),
  requestPayment: Type.Object(
    { amountVnd: Type.Integer({ minimum: 1, description: 'Amount in đồng' }), note: Note },
    { additionalProperties: false },
  ),
  recordPayment: Type.Object({ note: Note }, { additionalProperties: false }),
  uploadResult: Type.Object(
    { contentBase64: Type.String({ description: 'The result PDF, base64' }) },
    { additionalProperties: false },
  ),
  approve: Type.Object({ note: Note }, { additionalProperties: false }),
  generateResult: Type.Object(
    {
      title: Text(300, 'The result’s title; may use the placeholders'),
      body: Text(
        20000,
        'The body; paragraphs separated by a blank line; placeholders {ho_ten}, {so_dinh_danh}, {dia_chi}, {ma_ho_so}, {thu_tuc}, {ngay_tiep_nhan}, {co_quan}',
      ),
    },
    { additionalProperties: false },
  ),
  returnResult: Type.Object(
    {
      receivedBy: Text(300, 'Who received the result (the applicant or their proxy)'),
      receiverIdentifier: Type.Optional(
        Type.String({
          maxLength: 40,
          description: 'The identity paper number the receiver showed (6–20 letters or digits)',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  refer: Type.Object(
    {
      authority: Text(300, 'The competent body to submit to'),
      address: Text(500),
      documents: Type.Array(Text(500), { minItems: 1, maxItems: 20, description: 'What to submit there' }),
      note: Note,
    },
    { additionalProperties: false },
  ),
  extend: Type.Object(
    { days: Type.Integer({ minimum: 1, description: 'Working days added (once)' }), reason: Text(2000) },
    { additionalProperties: false },
  ),
} as const;

export const WorkflowActionResult = Type.Object(
  {
    code: Type.String(),
    status: Type.Integer({ minimum: 1, maximum: 10, description: 'The dossier status after the action' }),
    result: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'What the action produced: dueAt (supply, extend), outcome (mark-processed), seq (hand-over)',
      }),
    ),
  },
  { $id: 'WorkflowActionResult', title: 'WorkflowActionResult' },
);

export const WorkQueue = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        code: Type.String(),
        procedureCode: Type.String(),
        procedureName: Type.String(),
        applicantName: Type.String(),
        status: Type.Integer(),
        receivedAt: Type.String({ format: 'date-time' }),
        dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
        stepIndex: Type.Integer(),
        assigneeName: Type.Union([Type.String(), Type.Null()]),
        assigneeRole: Type.Union([Type.String(), Type.Null()]),
        reason: Type.Union(['mine', 'queue', 'approval', 'oneStop', 'oversight'].map((r) => Type.Literal(r))),
        flag: Type.Union([Type.Literal('overdue'), Type.Literal('warning'), Type.Null()]),
      }),
    ),
  },
  { $id: 'WorkQueue', title: 'WorkQueue' },
);

const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const DossierWorkflowState = Type.Object(
  {
    code: Type.String(),
    status: Type.Integer(),
    dueAt: When,
    statutoryDueAt: Type.Union([When], {
      description: 'Due date without the extension; outcomes are measured on it',
    }),
    stepIndex: Type.Integer(),
    stepName: Type.Union([Type.String(), Type.Null()]),
    stepDueAt: When,
    holderUnitId: Type.String(),
    assigneeStaffId: Type.Union([Type.String(), Type.Null()]),
    assigneeRole: Type.Union([Type.String(), Type.Null()]),
    extensionDays: Type.Union([Type.Integer(), Type.Null()]),
    approvedAt: When,
    finishedAt: When,
    outcome: Type.Union([Type.Literal('early'), Type.Literal('on_time'), Type.Literal('late'), Type.Null()]),
    returnedAt: When,
    resultSignature: Type.Union(
      [
        Type.Object({
          id: Type.String({
            format: 'uuid',
            description: 'The signature request; /xac-minh/<id> once completed',
          }),
          state: Type.String({
            description: 'awaiting_leader, awaiting_seal, completed, returned, cancelled',
          }),
        }),
        Type.Null(),
      ],
      { description: 'The newest signature request of the result (issue 7 §2)' },
    ),
    closure: Type.Union([Type.String(), Type.Null()]),
    handovers: Type.Array(
      Type.Object({
        seq: Type.Integer(),
        fromStep: Type.Integer(),
        toStep: Type.Integer(),
        fromUnitId: Type.String(),
        toUnitId: Type.String(),
        givenBy: Type.String(),
        givenAt: Type.String({ format: 'date-time' }),
        receivedBy: Type.Union([Type.String(), Type.Null()]),
        receivedAt: When,
        stepDueAt: When,
        result: Type.String(),
      }),
      { description: 'BM.05 rows' },
    ),
    supplements: Type.Array(
      Type.Object({
        requestedAt: Type.String({ format: 'date-time' }),
        items: Type.Array(Type.String()),
        reason: Type.String(),
        isClockStopped: Type.Boolean(),
        suppliedAt: When,
        suppliedVia: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    actions: Type.Array(Type.String(), { description: 'The actions the caller may take now (guards aside)' }),
  },
  { $id: 'DossierWorkflowState', title: 'DossierWorkflowState' },
);
