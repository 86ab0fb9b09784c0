// Each test file gets its own fresh database: an in-memory PGlite, or a new PostgreSQL database created
// from TEST_DATABASE_URL and dropped afterwards. No truncation, so files run in parallel.
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import type { Database, Db } from '../../src/database.ts';
import { MIGRATIONS } from '../../src/migrations.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { ensurePgliteTemplate } from '../../src/platform/db/pglite-template.ts';
import { testEnv } from './test-env.ts';

export const testEngine: 'pglite' | 'postgres' = testEnv.engine;

export interface TestDatabase extends DatabaseHandle<Database> {
  readonly url: string | undefined;
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = testEnv.databaseUrl ?? '';
  const name = `xaso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A migrated, empty database for this test file; closed (and dropped) when the file ends. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let handle: DatabaseHandle<Database>;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (testEngine === 'postgres') {
    const created = await createPostgresDatabase();
    url = created.url;
    drop = created.drop;
    handle = await openDatabase<Database>({ url, poolSize: 5 });
  } else {
    handle = await openDatabase<Database>({ pgliteTemplate: await ensurePgliteTemplate() });
  }
  if (options.migrate !== false) {
    await migrateToLatest(handle.db as never, MIGRATIONS);
  }
  let closed = false;
  const close = async () => {
    if (closed) {
      return;
    }
    closed = true;
    await handle.close();
    await drop?.();
  };
  after(close);
  return { db: handle.db as Db, engine: handle.engine, url, close };
}
