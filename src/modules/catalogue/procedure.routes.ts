// The public catalogue API (issue 6 §1.4): list and search, and one procedure as in force at a unit.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import { getEffectiveProcedure } from './get-effective-procedure.ts';
import { listProcedures } from './list-procedures.ts';
import { DOCUMENT_FORMS, LEVELS, STEP_ROLES } from './procedure.types.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const Cutoff = Type.Union([
  Type.Object({
    kind: Type.Literal('time'),
    after: Type.String({ description: 'Local time HH:MM (UTC+7)' }),
  }),
  Type.Object({ kind: Type.Literal('beforeClosing'), minutes: Type.Integer() }),
]);
const StatutoryTime = Type.Union(
  [
    Type.Object({ kind: Type.Literal('workingDays'), days: Type.Integer(), cutoff: Type.Optional(Cutoff) }),
    Type.Object({ kind: Type.Literal('workingHours'), hours: Type.Integer(), cutoff: Type.Optional(Cutoff) }),
    Type.Object({ kind: Type.Literal('sameDay'), cutoff: Cutoff }),
    Type.Object({ kind: Type.Literal('immediately'), cutoff: Type.Optional(Cutoff) }),
  ],
  { description: 'Statutory processing time; the same shape as the deadline engine’s rule' },
);
const TimeBudget = Type.Object({ unit: literals(['workingDays', 'workingHours']), amount: Type.Number() });
const Adjustments = Type.Object({
  fees: Type.Array(Type.Object({ index: Type.Integer(), amountVnd: Type.Integer() })),
  stepBudgets: Type.Array(Type.Object({ index: Type.Integer(), budget: TimeBudget })),
  note: Type.String(),
});

const summaryProperties = {
  code: Type.String({ examples: ['1.001193'] }),
  procedureId: Type.String({ format: 'uuid' }),
  versionId: Type.String({ format: 'uuid' }),
  versionNo: Type.Integer(),
  effectiveFrom: Type.String({ format: 'date', description: 'In force from 00:00 Vietnam time that day' }),
  name: Type.String(),
  nameEn: Type.String(),
  field: Type.String({ description: 'Lĩnh vực' }),
  level: literals(LEVELS),
  legalBasis: Type.Array(Type.String()),
  statutoryTime: StatutoryTime,
  isExtensionAllowed: Type.Boolean(),
  extensionLimitDays: Type.Union([Type.Integer(), Type.Null()]),
  isClockStoppable: Type.Boolean(),
  documents: Type.Array(
    Type.Object({
      name: Type.String(),
      form: literals(DOCUMENT_FORMS),
      count: Type.Integer(),
      isScanAccepted: Type.Boolean(),
    }),
  ),
  fees: Type.Array(Type.Object({ name: Type.String(), amountVnd: Type.Integer(), per: Type.String() })),
  steps: Type.Array(Type.Object({ name: Type.String(), role: literals(STEP_ROLES), budget: TimeBudget })),
  resultType: Type.String(),
  definedBy: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  adoption: Type.Union([
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      unitId: Type.String({ format: 'uuid' }),
      effectiveFrom: Type.String({ format: 'date' }),
      adjustments: Adjustments,
      isApplied: Type.Boolean(),
    }),
    Type.Null(),
  ]),
};
const ProcedureSummary = Type.Object(summaryProperties, {
  $id: 'ProcedureSummary',
  title: 'ProcedureSummary',
});
const Procedure = Type.Object(
  {
    ...summaryProperties,
    effectiveUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
      description: 'The day the next version takes over, when one is scheduled',
    }),
  },
  { $id: 'Procedure', title: 'Procedure' },
);

const ListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Words of the name or code; diacritics ignored' }),
    ),
    unit: Type.Optional(Type.String({ format: 'uuid', description: 'Only what this unit provides' })),
    field: Type.Optional(Type.String({ maxLength: 200 })),
    at: Type.Optional(
      Type.String({ format: 'date-time', description: 'In force at this instant (default now)' }),
    ),
  },
  { additionalProperties: false },
);
const DetailQuery = Type.Object(
  {
    unit: Type.Optional(Type.String({ format: 'uuid' })),
    at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export function registerCatalogueApiRoutes(app: FastifyInstance, options: { db: Db }): void {
  app.addSchema(ProcedureSummary);
  app.addSchema(Procedure);

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Search the procedure catalogue (public); diacritics-insensitive',
        querystring: ListQuery,
        response: { 200: Type.Array(Type.Ref('ProcedureSummary')), 400: ErrorResponse },
      },
    },
    async (request) =>
      listProcedures({
        db: options.db,
        q: request.query.q,
        unitId: request.query.unit,
        field: request.query.field,
        at: request.query.at ? new Date(request.query.at) : new Date(),
      }),
  );

  app.get<{ Params: { code: string }; Querystring: Static<typeof DetailQuery> }>(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One procedure as in force at a unit and instant (public)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        querystring: DetailQuery,
        response: { 200: Type.Ref('Procedure'), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) =>
      getEffectiveProcedure({
        db: options.db,
        code: request.params.code,
        unitId: request.query.unit,
        at: request.query.at ? new Date(request.query.at) : new Date(),
      }),
  );
}
