import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import { listUnits } from './list-units.ts';
import { UNIT_KINDS } from './unit.table.ts';

const UnitResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  kind: Type.Union(UNIT_KINDS.map((k) => Type.Literal(k))),
  name: Type.String(),
  sealName: Type.String(),
  identifierCode: Type.String({ description: 'Decision 20/2020 electronic identifier (left-to-right form)' }),
  exchangeCode: Type.Union([Type.String(), Type.Null()], {
    description: '13-character document-exchange code',
  }),
});

export function registerOrganisationRoutes(app: FastifyInstance, options: { db: Db }): void {
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The unit tree (public): province, departments, communes, wards',
        response: { 200: Type.Array(UnitResponse) },
      },
    },
    async () => {
      const units = await listUnits({ db: options.db });
      return units.map((u) => ({
        id: u.id,
        parentId: u.parent_id,
        kind: u.kind,
        name: u.name,
        sealName: u.seal_name,
        identifierCode: u.identifier_code,
        exchangeCode: u.exchange_code,
      }));
    },
  );
}
