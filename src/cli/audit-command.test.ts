// `xaso audit verify` as a real process: exit 0 on an intact log, 1 naming the first bad entry after a
// superuser rewrite with triggers off, 2 without a verifier key.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { appendTestEvents, bulkInsertPendingEvents } from '../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase, testEngine } from '../../test/helpers/test-database.ts';
import { childEnv } from '../../test/helpers/test-env.ts';
import type { Database, Db } from '../database.ts';
import { MIGRATIONS } from '../migrations.ts';
import { integrateAuditLog } from '../modules/audit-log/integrate-audit-log.ts';
import { loadOrCreateLogSigner } from '../modules/audit-log/log-key.ts';
import { openDatabase, pgliteDirFor } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

test('xaso audit verify: intact, then tampered by a superuser, then without a key', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xaso-verify-'));
  const signer = loadOrCreateLogSigner({ dataDir, publicUrl: 'http://localhost:3000' });
  let target: string[];
  let withDb: (work: (db: Db) => Promise<unknown>) => Promise<void>;
  if (testEngine === 'postgres') {
    const database = await createTestDatabase();
    target = ['--database-url', database.url as string, '--verifier-key', signer.verifierKey];
    withDb = async (work) => void (await work(database.db));
  } else {
    target = ['--data', dataDir];
    // PGlite is single-process: open, work, close before the command runs.
    withDb = async (work) => {
      const handle = await openDatabase<Database>({ pgliteDir: pgliteDirFor(dataDir) });
      try {
        await work(handle.db);
      } finally {
        await handle.close();
      }
    };
    await withDb((db) => migrateToLatest(db as never, MIGRATIONS));
  }
  await withDb(async (db) => {
    await appendTestEvents(db, 30);
    await integrateAuditLog({ db, signer, batchSize: 8 });
    await bulkInsertPendingEvents(db, 2); // committed, not yet sequenced: counted, not verified
  });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'audit', 'verify', ...args], {
      encoding: 'utf8',
      env: childEnv({ DATA_DIR: join(dataDir, 'unused') }),
    });

  const intact = run(...target);
  assert.equal(intact.status, 0, intact.stderr + intact.stdout);
  assert.match(intact.stdout, /audit log intact: 30 entries, 4 signed checkpoints/);
  assert.match(
    intact.stdout,
    /2 committed events await the sequencer \(not verified, not yet tamper-evident\)/,
  );

  await withDb(async (db) => {
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_events set entry = replace(entry, '"req-21"', '"req-99"') where seq = 21`.execute(
        trx,
      );
    });
  });
  const tampered = run(...target);
  assert.equal(tampered.status, 1, tampered.stderr);
  assert.match(tampered.stdout, /AUDIT LOG TAMPERED: first bad entry index 21/);
  assert.match(tampered.stdout, /entry 21 does not hash to the leaf/);

  const json = run(...target, '--json');
  assert.equal(JSON.parse(json.stdout).firstBadIndex, 21);

  const noKey = spawnSync(
    process.execPath,
    [cli, 'audit', 'verify', '--database-url', 'postgres://127.0.0.1:1/none'],
    { encoding: 'utf8', env: childEnv() },
  );
  assert.equal(noKey.status, 2);
  assert.match(noKey.stderr, /no verifier key/);
  assert.equal(
    spawnSync(process.execPath, [cli, 'audit', 'nope'], { encoding: 'utf8', env: childEnv() }).status,
    2,
  );
});
