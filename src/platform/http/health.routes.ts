import type { FastifyInstance } from 'fastify';
import { type Kysely, type Migration, sql } from 'kysely';
import { pendingMigrations } from '../db/migrate.ts';

/** `/healthz`: the process answers. `/readyz`: the database answers and every migration is applied. */
export function registerHealthRoutes(
  app: FastifyInstance,
  options: { db: Kysely<unknown>; migrations: Readonly<Record<string, Migration>> },
): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(options.db);
      const pending = await pendingMigrations(options.db, options.migrations);
      if (pending.length > 0) {
        return reply.status(503).send({ status: 'not-ready', reason: 'migrations pending', pending });
      }
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'not-ready', reason: 'database unreachable' });
    }
  });
}
