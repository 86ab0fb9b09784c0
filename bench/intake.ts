// `npm run bench -- intake` (issue 6 "Done when"), on PostgreSQL (TEST_DATABASE_URL, or
// postgres://postgres@127.0.0.1:5432/test as the admin connection; the benchmark creates and drops its own
// database). Over HTTP on 127.0.0.1, keep-alive, C concurrent clients in a worker thread (the other core):
//   1. POST /api/v1/dossiers (bearer token, JSON, no files): dossiers received per second with the code
//      counter, the due date and the audit event, beside a bare Fastify + pg endpoint doing one INSERT and
//      the honest ceiling of any gapless design (a bare endpoint that takes a per-day counter and a log-head
//      counter in one transaction and commits): both counters serialise intakes at one body; and the
//      database's floor of ONE intake per statement: a bare endpoint sending only insertDossier's statement
//      for one dossier (prepared, parameters built in advance), so the table shows what the schema (four
//      rows and their indexes) costs per request. The app itself writes the intakes that arrive together in
//      one statement (group commit, insert-dossiers.ts), so it may pass that floor;
//   2. GET /api/v1/lookup/{code}?phone=…: lookups per second, beside a bare endpoint doing one SELECT (the
//      app asks the lookups that arrive together in one statement, dossier.repository.ts).
// Goals: ≥ 1,000 intakes/s p99 ≤ 50 ms, ≥ 5,000 lookups/s p99 ≤ 20 ms, each ≥ 0.5 × its baseline.
// Each endpoint and its baseline run in R alternating rounds (_http-load.ts): requests a second are the
// median of the rounds, p50/p99 over every request of every round, the ratio the median of the rounds'
// ratios, so a slow spell of a shared machine does not land on one side only. The ceilings and the
// floor run once. The app's runs also report the statements each request sent (counted by a Kysely plugin
// on its handle). Flags: --seconds S per run (default 3), --rounds R (default 5), --clients C (default 16).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { type CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database, Db } from '../src/database.ts';
import { MIGRATIONS } from '../src/migrations.ts';
import { pendingAuditRow } from '../src/modules/audit-log/append-audit-event.ts';
import { adoptProcedure } from '../src/modules/catalogue/adopt-procedure.ts';
import { seedProcedures } from '../src/modules/catalogue/catalogue-seed-data.ts';
import { createProcedure } from '../src/modules/catalogue/create-procedure.ts';
import { dossierInsertStatement } from '../src/modules/dossiers/insert-dossiers.ts';
import { createStaff } from '../src/modules/identity/create-staff.ts';
import { issueApiToken } from '../src/modules/identity/issue-api-token.ts';
import { createUnit } from '../src/modules/organisation/create-unit.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createRateLimiter } from '../src/platform/http/rate-limiter.ts';
import { compareInRounds, load } from './_http-load.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '16' },
  },
});
const RUN = { seconds: Number(values.seconds), clients: Number(values.clients) };
const ROUNDS = Number(values.rounds);
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The baseline: bare Fastify, one pg pool, one INSERT or one SELECT per request. */
async function bareServer(url: string, intakeStatement: () => CompiledQuery) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // The database is dropped with (force) at the end: an idle client's termination is expected then.
  pool.on('error', () => {});
  await pool.query(
    'create table bare_rows (id bigserial primary key, code text unique not null, body text not null)',
  );
  await pool.query(
    "insert into bare_rows (code, body) select 'B-' || g, repeat('x', 200) from generate_series(1, 1000) g",
  );
  // The ceiling of ANY gapless design: a per-day code counter and a log head counter, both locked until
  // commit, so every intake at one body queues behind the previous one's commit.
  await pool.query('create table bare_code_counters (day text primary key, last_seq integer not null)');
  await pool.query('create table bare_log_head (id integer primary key, next_seq bigint not null)');
  await pool.query('insert into bare_log_head values (1, 0)');
  /** One transaction on one pooled connection: begin, the body, commit (rollback on error). */
  async function inTransaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await body(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }
  const app = Fastify({ logger: false });
  app.post('/insert', async (_request, reply) => {
    const code = randomBytes(8).toString('hex');
    const { rows } = await pool.query('insert into bare_rows (code, body) values ($1, $2) returning id', [
      code,
      'x'.repeat(200),
    ]);
    return reply.status(201).send({ id: rows[0].id, code });
  });
  app.post('/gapless', async (_request, reply) => {
    const code = await inTransaction(async (client) => {
      const { rows } = await client.query(
        `insert into bare_code_counters values (to_char(now(), 'YYMMDD'), 1)
         on conflict (day) do update set last_seq = bare_code_counters.last_seq + 1 returning last_seq`,
      );
      const taken = `B-${rows[0].last_seq}-${randomBytes(4).toString('hex')}`;
      await client.query('insert into bare_rows (code, body) values ($1, $2)', [taken, 'x'.repeat(200)]);
      await client.query('update bare_log_head set next_seq = next_seq + 1 where id = 1');
      return taken;
    });
    return reply.status(201).send({ code });
  });
  // The ceiling of the decided design: the code from a counter in its own statement, committed without
  // waiting for the WAL flush (as takeDossierCode), then the row and a log row (no head counter) in one
  // transaction.
  await pool.query('create table bare_log (id bigserial primary key, entry text not null)');
  app.post('/unique-code', async (_request, reply) => {
    const { rows } = await pool.query(
      `with relaxed as (select set_config('synchronous_commit', 'off', true)),
       seq as (insert into bare_code_counters values (to_char(now(), 'YYMMDD'), 1)
         on conflict (day) do update set last_seq = bare_code_counters.last_seq + 1 returning last_seq)
       select seq.last_seq from seq, relaxed`,
    );
    const code = `U-${rows[0].last_seq}-${randomBytes(4).toString('hex')}`;
    await inTransaction(async (client) => {
      await client.query('insert into bare_rows (code, body) values ($1, $2)', [code, 'x'.repeat(200)]);
      await client.query('insert into bare_log (entry) values ($1)', [code]);
    });
    return reply.status(201).send({ code });
  });
  // The database's floor of one intake per statement: insertDossier's statement for one dossier (dossier,
  // first status, message, audit event), prepared, parameters built in advance, no app code around it.
  app.post('/intake-statement', async (_request, reply) => {
    const { sql: text, parameters } = intakeStatement();
    await pool.query({ name: 'bare-intake', text, values: parameters as unknown[] });
    return reply.status(201).send({});
  });
  app.get<{ Params: { code: string } }>('/select/:code', async (request, reply) => {
    const { rows } = await pool.query('select code, body from bare_rows where code = $1', [
      request.params.code,
    ]);
    return rows[0] ? rows[0] : reply.status(404).send({});
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

async function setUp(db: Db) {
  const province = await createUnit({
    db,
    requestId: null,
    parentId: null,
    kind: 'province',
    name: 'Tỉnh Thử',
    sealName: 'TỈNH THỬ',
    identifierCode: 'H99',
  });
  const commune = await createUnit({
    db,
    requestId: null,
    parentId: province.id,
    kind: 'commune',
    name: 'Xã Thử',
    sealName: 'XÃ THỬ',
    identifierCode: 'H99.01',
  });
  const found = seedProcedures({ householdBusinessFeeVnd: 100000 }).find((p) => p.code === '1.001612');
  if (!found) {
    throw new Error('seed procedure 1.001612 missing');
  }
  const { id } = await createProcedure({
    db,
    actor: null,
    requestId: null,
    unitId: province.id,
    code: found.code,
    effectiveFrom: '2025-01-01',
    content: found.content,
  });
  await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2025-01-01',
  });
  const password = 'bench-password-123';
  await createStaff({
    db,
    actor: null,
    requestId: null,
    username: 'bench.tiepnhan',
    fullName: 'Cán Bộ Thử',
    title: 'Cán bộ tiếp nhận',
    password,
    unitId: commune.id,
    role: 'receptionist',
  });
  const { accessToken } = await issueApiToken({ db, username: 'bench.tiepnhan', password, requestId: null });
  return { commune, procedureCode: found.code, token: accessToken };
}

async function main() {
  let summary = '';
  const name = `xaso_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'xaso-bench-intake-'));
  const database = await openDatabase<Database>({ url: url.toString(), poolSize: 10 });
  const db = database.db;
  try {
    await migrateToLatest(db as never, MIGRATIONS);
    const { commune, procedureCode, token } = await setUp(db);
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        XASO_DEMO: 'false',
        LOG_LEVEL: 'silent',
        XASO_SESSION_SECRET: randomBytes(32).toString('base64'),
        XASO_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
      '/',
    );
    // Lookups are limited per address; the load comes from one address, so the bench lifts the limit.
    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery(args) {
        statements += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const app = await buildApp({
      config,
      db: db.withPlugin(counting),
      logger: false,
      lookupLimiter: createRateLimiter({ limit: Number.MAX_SAFE_INTEGER, windowSeconds: 60 }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const intakeBody = JSON.stringify({
      unitId: commune.id,
      procedureCode,
      applicant: {
        fullName: 'Người Nộp {n}',
        personalIdentifier: '001190012345',
        address: 'Thôn 1, xã Thử',
        phone: '0912345678',
      },
      documents: [{ index: 0, files: [] }],
    });
    // One intake through the app gives the row the bare intake statement copies (new id and code each time).
    const first = await fetch(`http://127.0.0.1:${port}/api/v1/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: intakeBody.replaceAll('{n}', '0'),
    });
    if (first.status !== 201) {
      throw new Error(`the first intake failed: ${first.status} ${await first.text()}`);
    }
    const template = await db
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', ((await first.json()) as { id: string }).id)
      .executeTakeFirstOrThrow();
    let bareIntakes = 0;
    const intakeStatement = (): CompiledQuery => {
      const id = randomUUID();
      const row = {
        ...template,
        id,
        code: `BARE-${++bareIntakes}-${randomBytes(3).toString('hex')}`,
        applicant: JSON.stringify(template.applicant),
        documents: JSON.stringify(template.documents),
        derivation: JSON.stringify(template.derivation),
        received_at: new Date(),
      };
      const audit = pendingAuditRow({
        actor: { type: 'staff', id: template.received_by },
        action: 'dossier.received',
        unitId: template.unit_id,
        subjectType: 'dossier',
        subjectId: id,
        requestId: null,
        state: row,
        details: { code: row.code },
      });
      return dossierInsertStatement([{ row, audit }]).compile(db);
    };
    const bare = await bareServer(url.toString(), intakeStatement);

    const bareTarget = (method: string, path: string, expect: number) => ({
      port: bare.port,
      requests: [{ method, path, ...(method === 'POST' ? { body: '{}' } : {}), expect }],
    });
    const baselineGapless = await load(bareTarget('POST', '/gapless', 201), RUN);
    const baselineStatement = await load(bareTarget('POST', '/intake-statement', 201), RUN);
    const baselineUnique = await load(bareTarget('POST', '/unique-code', 201), RUN);
    const intakes = await compareInRounds(
      {
        port,
        requests: [{ method: 'POST', path: '/api/v1/dossiers', body: intakeBody, expect: 201 }],
        headers: { authorization: `Bearer ${token}` },
      },
      bareTarget('POST', '/insert', 201),
      { ...RUN, rounds: ROUNDS, afterWarmUp: () => (statements = 0) },
    );
    const intake = intakes.subject;
    const baselineInsert = intakes.baseline;
    // Statements per request (a warm intake opens no transaction: its statement carries the audit event, and
    // intakes arriving together share one).
    const intakeStatements = Math.round((statements / (intake.ok + intake.errors)) * 100) / 100;
    const codes = (
      await db.selectFrom('dossiers').select('code').where('code', 'not like', 'BARE-%').limit(1000).execute()
    ).map((r) => r.code);
    const counted = await db
      .selectFrom('dossiers')
      .select(sql<number>`count(*)`.as('n'))
      .select(sql<number>`count(distinct code)`.as('distinct'))
      .executeTakeFirstOrThrow();
    await sql`analyze`.execute(db);
    const lookups = await compareInRounds(
      {
        port,
        requests: codes.map((code) => ({
          method: 'GET',
          path: `/api/v1/lookup/${code}?phone=5678`,
          expect: 200,
        })),
      },
      {
        port: bare.port,
        requests: Array.from({ length: 1000 }, (_, i) => ({
          method: 'GET',
          path: `/select/B-${i + 1}`,
          expect: 200,
        })),
      },
      { ...RUN, rounds: ROUNDS, afterWarmUp: () => (statements = 0) },
    );
    const lookup = lookups.subject;
    const baselineSelect = lookups.baseline;
    const lookupStatements = Math.round((statements / (lookup.ok + lookup.errors)) * 100) / 100;
    await app.close();
    await bare.close();

    const rows = [
      ['intake POST /api/v1/dossiers', intake],
      ['baseline: bare INSERT', baselineInsert],
      ['ceiling: bare gapless (2 counters)', baselineGapless],
      ['ceiling: bare unique code + 2 rows', baselineUnique],
      ['floor: bare intake statement (1 each)', baselineStatement],
      ['lookup GET /api/v1/lookup/{code}', lookup],
      ['baseline: bare SELECT', baselineSelect],
    ] as const;
    console.log(
      `intake benchmark on PostgreSQL, ${RUN.clients} keep-alive clients, ${RUN.seconds} s per run, ${ROUNDS} alternating rounds`,
    );
    console.log(
      'run                                     req/s   p50 ms   p99 ms   ok      errors  rounds (req/s)',
    );
    for (const [label, r] of rows) {
      const perRound = 'rounds' in r ? r.rounds.join(' ') : '(one run)';
      console.log(
        `${label.padEnd(38)} ${String(r.perSecond).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}   ${String(r.ok).padEnd(7)} ${String(r.errors).padEnd(7)} ${perRound}`,
      );
    }
    const intakeRatio = intakes.ratio;
    const lookupRatio = lookups.ratio;
    console.log(
      `intake/bare INSERT by round: ${intakes.ratios.join(' ')}; lookup/bare SELECT: ${lookups.ratios.join(' ')}`,
    );
    const gaplessRatio = Math.round((intake.perSecond / baselineGapless.perSecond) * 100) / 100;
    const isUnique = Number(counted.n) === Number(counted.distinct);
    console.log(
      `intake/baseline ${intakeRatio} (median of the rounds; goal ≥ 0.5), lookup/baseline ${lookupRatio} (goal ≥ 0.5)`,
    );
    const uniqueRatio = Math.round((intake.perSecond / baselineUnique.perSecond) * 100) / 100;
    console.log(`intake/gapless ceiling ${gaplessRatio} (what the per-body code and the audit head allow)`);
    console.log(`intake/unique-code ceiling ${uniqueRatio} (the decided design: code outside, no head lock)`);
    const statementRatio = Math.round((intake.perSecond / baselineStatement.perSecond) * 100) / 100;
    const floorRatio = Math.round((baselineStatement.perSecond / baselineInsert.perSecond) * 100) / 100;
    console.log(
      `intake/bare intake statement ${statementRatio} (above 1: group commit beats one statement each); bare intake statement/bare INSERT ${floorRatio} (the schema's cost)`,
    );
    console.log(`statements per request: intake ${intakeStatements}, lookup ${lookupStatements}`);
    console.log(
      `dossiers ${counted.n}, distinct codes ${counted.distinct}: ${isUnique ? 'no duplicates' : 'DUPLICATES'}`,
    );
    summary = JSON.stringify({
      bench: 'intake',
      clients: RUN.clients,
      seconds: RUN.seconds,
      rounds: ROUNDS,
      intake: {
        ...intake,
        baseline: baselineInsert,
        ratio: intakeRatio,
        ratios: intakes.ratios,
        gaplessCeiling: baselineGapless,
        ratioToGapless: gaplessRatio,
        uniqueCodeCeiling: baselineUnique,
        ratioToUniqueCode: uniqueRatio,
        statementFloor: baselineStatement,
        ratioToStatement: statementRatio,
        statementFloorToInsert: floorRatio,
        statements: intakeStatements,
        goal: { perSecond: 1000, p99: 50 },
      },
      lookup: {
        ...lookup,
        baseline: baselineSelect,
        ratio: lookupRatio,
        ratios: lookups.ratios,
        statements: lookupStatements,
        goal: { perSecond: 5000, p99: 20 },
      },
      codesUnique: isUnique,
    });
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // Last line: the figures as one JSON object, after every clean-up message.
  console.log(summary);
}

await main();
