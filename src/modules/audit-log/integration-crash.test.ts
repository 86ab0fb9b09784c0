// Crash safety (issue 4 §8): killing the integrator mid-batch and running it again yields checkpoints that
// are all consistent with the earlier ones (each batch is one transaction: tiles, checkpoint, state).
// Likewise killing the sequencer mid-batch leaves the numbers gapless and the counter in step with them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { bulkInsertEvents, bulkInsertPendingEvents } from '../../../test/fixtures/tlog/audit-events.ts';
import { createTestDatabase, testEngine } from '../../../test/helpers/test-database.ts';
import type { Database, Db } from '../../database.ts';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from '../../lib/tlog/index.ts';
import { MIGRATIONS } from '../../migrations.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { countPendingEvents, listCheckpoints, readNextSeq } from './audit-tree.repository.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { verifyAuditLog } from './verify-audit-log.ts';

const child = fileURLToPath(new URL('../../../test/fixtures/tlog/integrate-child.ts', import.meta.url));

/** Runs the child until it has committed `checkpoints` batches, then SIGKILLs it a moment later. */
function runAndKill(signerKey: string, target: string, checkpoints: number, mode = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, signerKey, target, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    let stderr = '';
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    proc.stdout.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/checkpoint|sequenced/g) ?? []).length;
      if (seen >= checkpoints) {
        setTimeout(() => proc.kill('SIGKILL'), randomInt(0, 4));
      }
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) {
        resolve(seen);
      } else {
        reject(new Error(`child exited with ${code}: ${stderr}`));
      }
    });
  });
}

/** A database a child process can open too: a PostgreSQL URL or a PGlite directory, migrated. */
async function sharedDatabase(): Promise<{
  target: string;
  open: () => Promise<{ db: Db; close: () => Promise<void> }>;
}> {
  let target: string;
  let open: () => Promise<{ db: Db; close: () => Promise<void> }>;
  if (testEngine === 'postgres') {
    const database = await createTestDatabase();
    target = database.url as string;
    // A killed child's last statement (a COMMIT already sent, say) still runs on its server backend: wait
    // until no other backend of this database is busy or inside a transaction, so the checks below read
    // a settled state instead of racing that commit.
    open = async () => {
      let quiet = 0;
      for (let tries = 0; quiet < 2 && tries < 200; tries++) {
        const busy = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()
            and state in ('active', 'idle in transaction', 'idle in transaction (aborted)')`.execute(
          database.db,
        );
        quiet = Number(busy.rows[0]?.n) === 0 ? quiet + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return { db: database.db, close: async () => undefined };
    };
  } else {
    target = mkdtempSync(join(tmpdir(), 'xaso-crash-'));
    open = async () => {
      const handle = await openDatabase<Database>({ pgliteDir: target });
      return { db: handle.db, close: () => handle.close() };
    };
    const first = await open();
    await migrateToLatest(first.db as never, MIGRATIONS);
    await first.close();
  }
  return { target, open };
}

test('killing the integrator mid-batch, then integrating again, keeps every checkpoint consistent', async () => {
  const key = generateNoteKey('xaso.test/log');
  const verifiers = [parseVerifierKey(key.verifierKey)];
  const { target, open } = await sharedDatabase();
  {
    const { db, close } = await open();
    await bulkInsertEvents(db, 6_000);
    await close();
  }
  for (const batches of [1, 3, 5]) {
    await runAndKill(key.signerKey, target, batches);
    const { db, close } = await open();
    const partial = await verifyAuditLog({ db, verifiers });
    assert.equal(partial.isIntact, true, JSON.stringify(partial.problems));
    assert.ok(partial.pending > 0, 'killed before the end');
    await close();
  }
  const { db, close } = await open();
  const before = (await listCheckpoints(db)).length;
  const result = await integrateAuditLog({ db, signer: parseSignerKey(key.signerKey) });
  assert.equal(result.size, 6_000);
  const final = await verifyAuditLog({ db, verifiers });
  assert.equal(final.isIntact, true, JSON.stringify(final.problems));
  assert.equal(final.checkpoints, before + result.checkpoints);
  assert.equal(final.pending, 0);
  await close();
});

test('killing the sequencer mid-batch keeps the numbers gapless and the counter in step', async () => {
  const key = generateNoteKey('xaso.test/log');
  const verifiers = [parseVerifierKey(key.verifierKey)];
  const { target, open } = await sharedDatabase();
  const TOTAL = 3_000;
  {
    const { db, close } = await open();
    await bulkInsertPendingEvents(db, TOTAL);
    await close();
  }
  let lastSequenced = 0;
  for (const batches of [1, 4, 9, 40]) {
    await runAndKill(key.signerKey, target, batches, 'sequence');
    const { db, close } = await open();
    const sequenced = await db
      .selectFrom('audit_events')
      .select('seq')
      .where('seq', 'is not', null)
      .orderBy('seq')
      .execute();
    const count = sequenced.length;
    assert.deepEqual(
      sequenced.map((row) => Number(row.seq)),
      Array.from({ length: count }, (_, i) => i),
      'gapless',
    );
    assert.equal(await readNextSeq(db), count, 'the counter moved with the numbers, no further');
    assert.equal(await countPendingEvents(db), TOTAL - count);
    assert.ok(count >= lastSequenced);
    lastSequenced = count;
    const partial = await verifyAuditLog({ db, verifiers });
    assert.equal(partial.isIntact, true, JSON.stringify(partial.problems));
    await close();
  }
  const { db, close } = await open();
  const result = await integrateAuditLog({ db, signer: parseSignerKey(key.signerKey) });
  assert.equal(result.size, TOTAL);
  assert.equal(await countPendingEvents(db), 0);
  const final = await verifyAuditLog({ db, verifiers });
  assert.equal(final.isIntact, true, JSON.stringify(final.problems));
  assert.equal(final.entries, TOTAL);
  await close();
});
