import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/database.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { createTestDatabase } from './test-database.ts';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/nonexistent-test-data-dir',
      XASO_DEMO: 'false',
      LOG_LEVEL: 'silent',
      XASO_SESSION_SECRET: Buffer.alloc(32, 7).toString('base64'),
      XASO_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      ...overrides,
    },
    '/',
  );
}

/** A built (not listening) app on a fresh database; closed when the test file ends. */
export async function createTestApp(
  options: { db?: Db; config?: Config; clock?: Clock } = {},
): Promise<{ app: FastifyInstance; db: Db; config: Config }> {
  const db = options.db ?? (await createTestDatabase()).db;
  const config = options.config ?? testConfig();
  const app = await buildApp({
    config,
    db,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  after(() => app.close());
  return { app, db, config };
}
