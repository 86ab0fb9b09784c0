// /thong-ke (issue 7 §7): the statistics dashboard, its CSV export and the printable BM.06 register.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../database.ts';
import { requireStaff } from '../modules/identity/authenticate.ts';
import { getUnitStatistics, type StatisticsFilter } from '../modules/statistics/get-unit-statistics.ts';
import { statisticsCsv, statisticsCsvFilename } from '../modules/statistics/statistics-csv.ts';
import { viewTrackingRegister } from '../modules/statistics/view-tracking-register.ts';
import { isAppError } from '../platform/errors.ts';
import type { PageKit } from './page-kit.ts';
import { statisticsPage, statisticsQuery } from './pages/statistics-page.ts';
import { trackingRegisterPage } from './pages/tracking-register-page.ts';

type Query = { Querystring: Record<string, unknown> };

function filterOf(query: Record<string, unknown>): StatisticsFilter {
  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;
  return {
    groupBy: text(query.nhom, 20),
    unitId: text(query.unit, 64),
    procedureCode: text(query.procedure, 40),
    from: text(query.from, 10),
    to: text(query.to, 10),
  };
}

export function registerStatisticsPages(app: FastifyInstance, options: { db: Db; kit: PageKit }): void {
  const { db, kit } = options;

  app.get<Query>('/thong-ke', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const filter = filterOf(request.query);
    const ctx = kit.context(request, reply);
    try {
      const stats = await getUnitStatistics({ db, actor, filter });
      return kit.send(reply, ctx, { title: ctx.t('statistics.title'), body: statisticsPage(ctx, stats) });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') {
        throw error;
      }
      // The form again with the dates as typed and what is wrong with them, over the default period.
      const stats = await getUnitStatistics({
        db,
        actor,
        filter: { ...filter, from: undefined, to: undefined },
      });
      const problem = { from: filter.from ?? '', to: filter.to ?? '', errors: error.fields ?? {} };
      return kit.send(reply, ctx, {
        title: ctx.t('statistics.title'),
        status: error.status,
        body: statisticsPage(ctx, stats, problem),
      });
    }
  });

  app.get<Query>('/thong-ke.csv', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const stats = await getUnitStatistics({ db, actor, filter: filterOf(request.query) });
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${statisticsCsvFilename(stats)}"`)
      .send(statisticsCsv(stats));
  });

  app.get<Query>('/thong-ke/so-theo-doi', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireStaff(request);
    const filter = filterOf(request.query);
    // It names the applicants: each view is a `register.viewed` event (the dashboard and CSV are counts).
    const register = await viewTrackingRegister({ db, actor, requestId: request.id, filter });
    const back = statisticsQuery({ ...register, procedureCode: filter.procedureCode });
    const ctx = kit.context(request, reply);
    return kit.send(reply, ctx, {
      title: ctx.t('statistics.registerTitle'),
      body: trackingRegisterPage(ctx, register, back),
    });
  });
}
