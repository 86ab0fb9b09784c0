// `npm run bench -- audit` (issue 4 §9), on PostgreSQL (TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test
// as the admin connection; the benchmark creates and drops its own database):
//   1. gapless appends/s inside business transactions (8 clients, 10 % rollbacks), against the same
//      business transaction without an audit event (baseline); the appends only insert pending events while
//      the sequencer runs alongside every --sequence-ms (default 1,000, the server's integrator interval):
//      its throughput (events numbered per second of its own run time) and lag (most events pending at
//      a run, the longest run);
//   2. full verification of 1M entries (time, peak RSS, time per phase), against merely streaming the rows
//      (baseline);
//   3. inclusion and consistency proof generation from the stored tiles, p50/p99, cold and warm cache.
// Flags: --entries N (default 1,000,000), --seconds S per append run (default 5), --clients C (default 8),
// --sequence-ms M (default 1,000).
import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../src/database.ts';
import { generateNoteKey, parseSignerKey } from '../src/lib/tlog/index.ts';
import { MIGRATIONS } from '../src/migrations.ts';
import { appendAuditEvent } from '../src/modules/audit-log/append-audit-event.ts';
import { integrateAuditLog } from '../src/modules/audit-log/integrate-audit-log.ts';
import { proveAuditConsistency } from '../src/modules/audit-log/prove-audit-consistency.ts';
import { proveAuditInclusion } from '../src/modules/audit-log/prove-audit-inclusion.ts';
import { sequenceAuditEvents } from '../src/modules/audit-log/sequence-audit-events.ts';
import { clearProofCache } from '../src/modules/audit-log/stored-hash-reader.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { bulkInsertEvents } from '../test/fixtures/tlog/audit-events.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '8' },
    'sequence-ms': { type: 'string', default: '1000' },
  },
});
const ENTRIES = Number(values.entries);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const SEQUENCE_MS = Number(values['sequence-ms']);
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => Math.round(n * 100) / 100;

class Rollback extends Error {}

async function appendRun(db: Db, withAudit: boolean) {
  const latencies: number[] = [];
  let committed = 0;
  let rolledBack = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const isRollback = randomInt(0, 10) === 0;
        const started = performance.now();
        try {
          await db.transaction().execute(async (trx) => {
            const id = randomUUID();
            await sql`insert into bench_changes (id, body) values (${id}, ${randomBytes(64).toString('hex')})`.execute(
              trx,
            );
            if (withAudit) {
              await appendAuditEvent(trx, {
                actor: { type: 'staff', id: randomUUID() },
                action: 'identity.role_granted',
                unitId: null,
                subjectType: 'bench',
                subjectId: id,
                requestId: randomUUID(),
                state: { id },
                details: { role: 'specialist' },
              });
            }
            if (isRollback) {
              throw new Rollback();
            }
          });
          committed++;
          latencies.push(performance.now() - started);
        } catch (error) {
          if (!(error instanceof Rollback)) {
            throw error;
          }
          rolledBack++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(committed / SECONDS),
    p50: ms(percentile(latencies, 50)),
    p95: ms(percentile(latencies, 95)),
    committed,
    rolledBack,
  };
}

/** The sequencer as the integrator loop runs it, until `isDone()`: how fast it numbers, how far it lags. */
async function sequencerLoop(db: Db, isDone: () => boolean) {
  let sequenced = 0;
  let busyMs = 0;
  let maxPending = 0;
  let longestRunMs = 0;
  while (!isDone()) {
    await new Promise((resolve) => setTimeout(resolve, SEQUENCE_MS));
    const started = performance.now();
    const run = await sequenceAuditEvents(db);
    const took = performance.now() - started;
    sequenced += run.sequenced;
    busyMs += took;
    maxPending = Math.max(maxPending, run.sequenced);
    longestRunMs = Math.max(longestRunMs, took);
  }
  return {
    sequencedPerSecond: busyMs > 0 ? Math.round(sequenced / (busyMs / 1000)) : 0,
    maxPending,
    longestRunMs: ms(longestRunMs),
  };
}

async function main() {
  const name = `xaso_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase<Database>({ url: url.toString(), poolSize: CLIENTS + 2 });
  const db = database.db;
  try {
    await migrateToLatest(db as never, MIGRATIONS);
    await sql`create table bench_changes (id uuid primary key, body text not null)`.execute(db);
    const signer = parseSignerKey(generateNoteKey('bench.xaso/log').signerKey);

    // 1. Appends.
    const baseline = await appendRun(db, false);
    let isAppending = true;
    const sequencing = sequencerLoop(db, () => !isAppending);
    const appends = await appendRun(db, true);
    isAppending = false;
    const sequencer = await sequencing;
    const leftPending = (await sequenceAuditEvents(db)).sequenced;
    const seqs = await db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)`.as('n'))
      .select(sql<number>`max(seq)`.as('max'))
      .executeTakeFirstOrThrow();
    const isGapless = Number(seqs.n) === appends.committed && Number(seqs.max) === appends.committed - 1;

    // 2. Verification of ENTRIES entries.
    const toInsert = ENTRIES - appends.committed;
    const insertStart = performance.now();
    for (let done = 0; done < toInsert; done += 100_000) {
      await bulkInsertEvents(db, Math.min(100_000, toInsert - done));
    }
    const insertSeconds = (performance.now() - insertStart) / 1000;
    const integrateStart = performance.now();
    await integrateAuditLog({ db, signer, batchSize: 50_000 });
    const integrateSeconds = (performance.now() - integrateStart) / 1000;
    await sql`analyze`.execute(db);

    const streamStart = performance.now();
    let streamed = 0;
    for (let from = 0; ; ) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>=', from)
        .orderBy('seq')
        .limit(10_240)
        .execute();
      streamed += rows.length;
      if (rows.length < 10_240) {
        break;
      }
      from = Number(rows.at(-1)?.seq) + 1;
    }
    const streamSeconds = (performance.now() - streamStart) / 1000;

    // The real command in its own process, so its time and peak memory are its own.
    const verifyStart = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        // As the command itself does: verification runs with a capped heap (src/cli/audit-command.ts).
        '--max-old-space-size=64',
        '--max-semi-space-size=4',
        '--input-type=module',
        '-e',
        `import { runCli } from ${JSON.stringify(new URL('../src/cli.ts', import.meta.url).href)};
         const code = await runCli(process.argv.slice(1));
         process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));`,
        'audit',
        'verify',
        '--database-url',
        url.toString(),
        '--verifier-key',
        signer.verifierKey,
        '--json',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    const verification = JSON.parse(child.stdout) as {
      entries: number;
      isIntact: boolean;
      latest?: { size: number };
      phasesMs: { checkpoints: number; read: number; entries: number; tree: number };
    };
    const phases = verification.phasesMs;
    const { maxRssKb } = JSON.parse(child.stderr) as { maxRssKb: number };

    // 3. Proofs from the stored tiles: cold (cache emptied, so level-0 tiles come from the database), then
    //    warm (after one proof per level-0 tile has filled the cache; 40 MiB budget, stored-hash-reader.ts).
    const size = verification.latest?.size ?? 0;
    const proofRun = async () => {
      const inclusion: number[] = [];
      const consistency: number[] = [];
      for (let i = 0; i < 2000; i++) {
        let t = performance.now();
        await proveAuditInclusion({ db, index: randomInt(0, size), size });
        inclusion.push(performance.now() - t);
        t = performance.now();
        await proveAuditConsistency({ db, from: randomInt(1, size), to: size });
        consistency.push(performance.now() - t);
      }
      inclusion.sort((a, b) => a - b);
      consistency.sort((a, b) => a - b);
      return {
        inclusionP50: ms(percentile(inclusion, 50)),
        inclusionP99: ms(percentile(inclusion, 99)),
        consistencyP50: ms(percentile(consistency, 50)),
        consistencyP99: ms(percentile(consistency, 99)),
      };
    };
    clearProofCache(db);
    const cold = await proofRun();
    for (let index = 0; index < size; index += 256) {
      await proveAuditInclusion({ db, index, size });
    }
    const warm = await proofRun();

    const result = {
      bench: 'audit',
      engine: 'postgres',
      clients: CLIENTS,
      appendsPerSecond: appends.perSecond,
      appendP50Ms: appends.p50,
      appendP95Ms: appends.p95,
      appendRollbacks: appends.rolledBack,
      isGapless,
      sequencedPerSecond: sequencer.sequencedPerSecond,
      sequencerMaxPending: sequencer.maxPending,
      sequencerLongestRunMs: sequencer.longestRunMs,
      sequencerLeftPending: leftPending,
      baselinePerSecond: baseline.perSecond,
      baselineP95Ms: baseline.p95,
      entries: verification.entries,
      isIntact: verification.isIntact,
      verifySeconds: ms(verifySeconds),
      verifyPeakRssMb: Math.round(maxRssKb / 1024),
      verifyReadSeconds: ms(phases.read / 1000),
      verifyEntriesSeconds: ms(phases.entries / 1000),
      verifyTreeWaitSeconds: ms(phases.tree / 1000),
      verifyCheckpointsSeconds: ms(phases.checkpoints / 1000),
      streamBaselineSeconds: ms(streamSeconds),
      streamedRows: streamed,
      bulkInsertSeconds: ms(insertSeconds),
      integrateSeconds: ms(integrateSeconds),
      inclusionProofP50Ms: warm.inclusionP50,
      inclusionProofP99Ms: warm.inclusionP99,
      consistencyProofP50Ms: warm.consistencyP50,
      consistencyProofP99Ms: warm.consistencyP99,
      coldInclusionProofP50Ms: cold.inclusionP50,
      coldInclusionProofP99Ms: cold.inclusionP99,
      coldConsistencyProofP50Ms: cold.consistencyP50,
      coldConsistencyProofP99Ms: cold.consistencyP99,
    };
    const rows: [string, string, string][] = [
      ['appends/s (gapless, in business trx)', `${result.appendsPerSecond}`, '≥ 1,000'],
      ['append latency p50 / p95 (ms)', `${result.appendP50Ms} / ${result.appendP95Ms}`, 'p95 < 25'],
      [
        'baseline: same trx without audit (tx/s, p95)',
        `${result.baselinePerSecond}, ${result.baselineP95Ms} ms`,
        '',
      ],
      ['gapless', String(result.isGapless), 'true'],
      [`sequencer every ${SEQUENCE_MS} ms: events/s of its run time`, `${result.sequencedPerSecond}`, ''],
      [
        'sequencer lag: most pending at a run, longest run',
        `${result.sequencerMaxPending}, ${result.sequencerLongestRunMs} ms`,
        '',
      ],
      [
        `xaso audit verify, ${result.entries.toLocaleString('en')} entries (s)`,
        `${result.verifySeconds}`,
        '≤ 10',
      ],
      [
        '  phases: read / entries / tree wait / checkpoints',
        `${result.verifyReadSeconds} / ${result.verifyEntriesSeconds} / ${result.verifyTreeWaitSeconds} / ${result.verifyCheckpointsSeconds}`,
        's',
      ],
      ['verify peak RSS, whole process (MB)', `${result.verifyPeakRssMb}`, '≤ 200'],
      ['baseline: stream the rows only (s)', `${result.streamBaselineSeconds}`, ''],
      ['integrate (build tiles, sign) (s)', `${result.integrateSeconds}`, ''],
      [
        'inclusion proof p50 / p99, warm cache (ms)',
        `${result.inclusionProofP50Ms} / ${result.inclusionProofP99Ms}`,
        'p99 ≤ 5',
      ],
      [
        'consistency proof p50 / p99, warm cache (ms)',
        `${result.consistencyProofP50Ms} / ${result.consistencyProofP99Ms}`,
        '',
      ],
      [
        'inclusion proof p50 / p99, cold cache (ms)',
        `${result.coldInclusionProofP50Ms} / ${result.coldInclusionProofP99Ms}`,
        '',
      ],
      [
        'consistency proof p50 / p99, cold cache (ms)',
        `${result.coldConsistencyProofP50Ms} / ${result.coldConsistencyProofP99Ms}`,
        '',
      ],
    ];
    console.log(`audit log benchmark, PostgreSQL, ${CLIENTS} clients\n`);
    for (const [what, value, goal] of rows) {
      console.log(`${what.padEnd(46)} ${value.padStart(18)}   ${goal}`);
    }
    console.log(JSON.stringify(result));
  } finally {
    await database.close();
    // Let the pool's connections finish closing before the database goes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
