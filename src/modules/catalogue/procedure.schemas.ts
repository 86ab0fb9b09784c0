// TypeBox schemas of the catalogue API (they appear in /api/openapi.json under their $id).
import { Type } from '@sinclair/typebox';
import { DOCUMENT_FORMS, LEVELS, STEP_ROLES } from './procedure.types.ts';

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
const TimeBudget = Type.Object({
  unit: Type.Union([Type.Literal('workingDays'), Type.Literal('workingHours')]),
  amount: Type.Number(),
});
export const Adjustments = Type.Object({
  fees: Type.Array(Type.Object({ index: Type.Integer(), amountVnd: Type.Integer() })),
  stepBudgets: Type.Array(Type.Object({ index: Type.Integer(), budget: TimeBudget })),
  note: Type.String(),
});

/** What a province version states (ProcedureContent); request bodies take exactly these. */
export const contentProperties = {
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
};

const summaryProperties = {
  ...contentProperties,
  code: Type.String({ examples: ['1.001193'] }),
  procedureId: Type.String({ format: 'uuid' }),
  versionId: Type.String({ format: 'uuid' }),
  versionNo: Type.Integer(),
  effectiveFrom: Type.String({ format: 'date', description: 'In force from 00:00 Vietnam time that day' }),
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
export const ProcedureSummary = Type.Object(summaryProperties, {
  $id: 'ProcedureSummary',
  title: 'ProcedureSummary',
});
export const Procedure = Type.Object(
  {
    ...summaryProperties,
    effectiveUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
      description: 'The day the next version takes over, when one is scheduled',
    }),
  },
  { $id: 'Procedure', title: 'Procedure' },
);
