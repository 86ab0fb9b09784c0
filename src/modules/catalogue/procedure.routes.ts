// The public catalogue API (issue 6 §1.4): list and search, and one procedure as in force at a unit.
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import { getEffectiveProcedure } from './get-effective-procedure.ts';
import { listProcedures } from './list-procedures.ts';
import { Procedure, ProcedureSummary } from './procedure.schemas.ts';

const ErrorResponse = Type.Ref('ErrorResponse');

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
