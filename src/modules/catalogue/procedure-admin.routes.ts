// The catalogue's write API for API clients (bearer token; issue 6 §1): the same use cases as the admin
// pages. Bodies are flat so that a business-rule problem names the same field path as a schema problem
// (for adjustments, `fees.<i>` and `steps.<i>` are the indexes in the province's version).
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { addProcedureVersion } from './add-procedure-version.ts';
import { adoptProcedure } from './adopt-procedure.ts';
import { createProcedure } from './create-procedure.ts';
import { getProcedureByCode } from './get-procedure-by-code.ts';
import { Adjustments, contentProperties } from './procedure.schemas.ts';
import type { ProcedureContent } from './procedure.types.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const EffectiveFrom = Type.String({ format: 'date', description: 'Vietnam date; not before today' });

const VersionBody = Type.Object(
  { effectiveFrom: EffectiveFrom, ...contentProperties, nameEn: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
const CreateBody = Type.Object(
  {
    unitId: Type.String({ format: 'uuid', description: 'The defining province' }),
    code: Type.String({ maxLength: 40 }),
    effectiveFrom: EffectiveFrom,
    ...contentProperties,
    nameEn: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
const AdoptionBody = Type.Object(
  {
    effectiveFrom: EffectiveFrom,
    isAdopted: Type.Optional(Type.Boolean({ description: 'false withdraws the procedure from that date' })),
    adjustments: Type.Optional(Adjustments),
  },
  { additionalProperties: false },
);
const CodeAtUnit = Type.Object({
  code: Type.String({ maxLength: 40 }),
  unitId: Type.String({ format: 'uuid' }),
});

function contentOf(body: Static<typeof VersionBody>): ProcedureContent {
  const { effectiveFrom: _from, ...content } = body;
  return { ...content, nameEn: content.nameEn ?? '' } as ProcedureContent;
}

export function registerCatalogueAdminApiRoutes(app: FastifyInstance, options: { db: Db }): void {
  const { db } = options;

  app.post<{ Body: Static<typeof CreateBody> }>(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Define a province procedure (its version 1); unit.configure on the province',
        security: [{ bearer: [] }],
        body: CreateBody,
        response: {
          201: Type.Object({
            id: Type.String({ format: 'uuid' }),
            versionId: Type.String({ format: 'uuid' }),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { unitId, code, ...version } = request.body;
      const created = await createProcedure({
        db,
        actor: requireStaff(request),
        requestId: request.id,
        unitId,
        code,
        effectiveFrom: version.effectiveFrom,
        content: contentOf(version),
      });
      return reply.status(201).send(created);
    },
  );

  app.post<{ Params: Static<typeof CodeAtUnit>; Body: Static<typeof VersionBody> }>(
    '/api/v1/units/:unitId/procedures/:code/versions',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Add a version of a province procedure from a date; unit.configure on the province',
        security: [{ bearer: [] }],
        params: CodeAtUnit,
        body: VersionBody,
        response: {
          201: Type.Object({ versionId: Type.String({ format: 'uuid' }), versionNo: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const procedure = await getProcedureByCode({ db, ...request.params });
      const { versionId, versionNo } = await addProcedureVersion({
        db,
        actor,
        requestId: request.id,
        procedureId: procedure.id,
        effectiveFrom: request.body.effectiveFrom,
        content: contentOf(request.body),
      });
      return reply.status(201).send({ versionId, versionNo });
    },
  );

  app.post<{ Params: Static<typeof CodeAtUnit>; Body: Static<typeof AdoptionBody> }>(
    '/api/v1/units/:unitId/procedures/:code/adoptions',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'Adopt, adjust or withdraw a province procedure at a commune from a date; unit.configure there',
        security: [{ bearer: [] }],
        params: CodeAtUnit,
        body: AdoptionBody,
        response: {
          201: Type.Object({ adoptionId: Type.String({ format: 'uuid' }), action: Type.String() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const procedure = await getProcedureByCode({ db, ...request.params });
      const result = await adoptProcedure({
        db,
        actor,
        requestId: request.id,
        procedureId: procedure.id,
        unitId: request.params.unitId,
        effectiveFrom: request.body.effectiveFrom,
        ...(request.body.isAdopted === undefined ? {} : { isAdopted: request.body.isAdopted }),
        ...(request.body.adjustments ? { adjustments: request.body.adjustments } : {}),
      });
      return reply.status(201).send(result);
    },
  );
}
