import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';

test('a data folder held by a live process is refused with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-lock-'));
  // Pretend the parent process (alive, and not us) holds it.
  writeFileSync(join(dir, 'xaso.lock'), `${process.ppid}\n`);
  assert.throws(
    () => acquireDataDirLock(dir),
    (error: unknown) =>
      error instanceof AppError &&
      error.code === 'DATA_DIR_IN_USE' &&
      /in use by process/.test(error.message),
  );
});

test('a stale lock from a dead process is taken over, and released on close', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-lock-'));
  writeFileSync(join(dir, 'xaso.lock'), '999999999\n');
  const lock = acquireDataDirLock(dir);
  lock.release();
  assert.equal(existsSync(join(dir, 'xaso.lock')), false);
});

test('PGlite in a data folder persists across reopen; migrations report pending until applied', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pglite-'));
  const migrations = {
    '0001-a': { up: async (db: never) => void (await sql`create table t (x int)`.execute(db)) },
  };
  const first = await openDatabase<{ t: { x: number } }>({ pgliteDir: dir });
  assert.deepEqual(await pendingMigrations(first.db as never, migrations), ['0001-a']);
  await migrateToLatest(first.db as never, migrations);
  await first.db.insertInto('t').values({ x: 42 }).execute();
  await assert.rejects(
    openDatabase({ pgliteDir: dir }),
    (e: unknown) => e instanceof AppError && e.code === 'DATA_DIR_IN_USE',
  );
  await first.close();
  const second = await openDatabase<{ t: { x: number } }>({ pgliteDir: dir });
  assert.deepEqual(await pendingMigrations(second.db as never, migrations), []);
  assert.deepEqual(await second.db.selectFrom('t').selectAll().execute(), [{ x: 42 }]);
  await second.close();
});

test('on PostgreSQL, a killed idle connection is reported, not fatal, and the next query reconnects', async (t) => {
  const { testEngine, createTestDatabase } = await import('../../../test/helpers/test-database.ts');
  if (testEngine !== 'postgres') {
    t.skip('PostgreSQL only: run with XASO_TEST_ENGINE=postgres and TEST_DATABASE_URL (npm test does)');
    return;
  }
  const { url } = await createTestDatabase({ migrate: false });
  const errors: Error[] = [];
  const handle = await openDatabase<Record<string, never>>({
    url,
    onIdleConnectionError: (error) => errors.push(error),
  });
  await sql`select 1`.execute(handle.db);
  const admin = await openDatabase<Record<string, never>>({ url });
  await sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`.execute(admin.db);
  await admin.close();
  for (let i = 0; i < 50 && errors.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(errors.length, 1);
  const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
  assert.deepEqual(rows, [{ one: 1 }]);
  await handle.close();
});

test('a statement marked `/* prepared: <name> */` is prepared once per connection on PostgreSQL; PGlite runs it as it is', async () => {
  const { createTestDatabase } = await import('../../../test/helpers/test-database.ts');
  const { db, engine } = await createTestDatabase({ migrate: false });
  const marked = (n: number) => sql<{ n: number }>`/* prepared: test-double */ select ${n}::int * 2 as n`;
  // One transaction holds one connection: the second call reuses the statement the first one prepared.
  const prepared = await db.transaction().execute(async (trx) => {
    assert.deepEqual((await marked(2).execute(trx)).rows, [{ n: 4 }]);
    assert.deepEqual((await marked(5).execute(trx)).rows, [{ n: 10 }]);
    const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(trx);
    return rows.map((row) => row.name);
  });
  assert.deepEqual(prepared, engine === 'postgres' ? ['test-double'] : []);
  // The name stands for one text: pg refuses to run another statement under it on the same connection.
  if (engine === 'postgres') {
    await db.transaction().execute(async (trx) => {
      await marked(1).execute(trx);
      await assert.rejects(sql`/* prepared: test-double */ select 3 as n`.execute(trx), /must be unique/);
    });
  }
  // An insert behind the marker still reports its affected rows (PGlite reads the command after it).
  await sql`create table prepared_t (x int)`.execute(db);
  const inserted = await db.executeQuery(
    sql`/* prepared: test-insert */ insert into prepared_t values (1), (2)`.compile(db),
  );
  assert.equal(inserted.numAffectedRows, 2n);
});
