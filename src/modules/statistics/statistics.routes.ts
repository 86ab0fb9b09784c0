// GET /api/v1/statistics (issue 7 §7): the same figures as the /thong-ke dashboard for other systems (a
// provincial reporting portal), with a bearer token of a staff member holding `statistics.read`.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import { requireStaff } from '../identity/authenticate.ts';
import { getUnitStatistics, onTimeRate, STATISTICS_GROUPINGS } from './get-unit-statistics.ts';
import { COUNT_KEYS, type StatisticsCounts } from './statistics.repository.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A Vietnam calendar day, YYYY-MM-DD',
});
const Counts = {
  ...Object.fromEntries(COUNT_KEYS.map((key) => [key, Type.Integer({ minimum: 0 })])),
  onTimeRate: Type.Union([Type.Number(), Type.Null()], {
    description: '(early + on time) / finished, null when nothing finished',
  }),
};

const withRate = (counts: StatisticsCounts) => ({
  ...Object.fromEntries(COUNT_KEYS.map((key) => [key, counts[key]])),
  onTimeRate: onTimeRate(counts),
});

export function registerStatisticsApiRoutes(app: FastifyInstance, options: { db: Db }): void {
  app.get<{
    Querystring: { unitId?: string; procedureCode?: string; from?: string; to?: string; groupBy?: string };
  }>(
    '/api/v1/statistics',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Dossiers received, in progress, finished early / on time / late per unit and procedure',
        description:
          'Covers the unit and every unit below it over whole Vietnam days from `from` to `to` (default: 1 January of this year to today). Finished: the first status 9 or 10 in the period, compared with the current due date.',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          {
            unitId: Type.Optional(Type.String({ format: 'uuid' })),
            procedureCode: Type.Optional(Type.String({ maxLength: 40 })),
            from: Type.Optional(Day),
            to: Type.Optional(Day),
            groupBy: Type.Optional(
              Type.Unsafe<string>({
                type: 'string',
                enum: [...STATISTICS_GROUPINGS],
                description: 'Rows per unit and procedure (default), per unit, or per procedure',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            unitId: Type.String(),
            from: Day,
            to: Day,
            totals: Type.Object(Counts),
            rows: Type.Array(
              Type.Object({
                unitId: Type.String(),
                unitName: Type.String(),
                procedureCode: Type.String(),
                procedureName: Type.String(),
                ...Counts,
              }),
            ),
            months: Type.Array(
              Type.Object({
                month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
                received: Type.Integer(),
                early: Type.Integer(),
                onTime: Type.Integer(),
                late: Type.Integer(),
              }),
            ),
          }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => {
      const query = request.query;
      const stats = await getUnitStatistics({
        db: options.db,
        actor: requireStaff(request),
        filter: {
          unitId: query.unitId,
          procedureCode: query.procedureCode,
          from: query.from,
          to: query.to,
          groupBy: query.groupBy,
        },
      });
      return {
        unitId: stats.unit.id,
        from: stats.period.from,
        to: stats.period.to,
        totals: withRate(stats.totals),
        rows: stats.rows.map((r) => ({
          unitId: r.unitId,
          unitName: r.unitName,
          procedureCode: r.procedureCode,
          procedureName: r.procedureName,
          ...withRate(r),
        })),
        months: stats.months,
      };
    },
  );
}
