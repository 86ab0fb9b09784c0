// `npm run bench -- remote-sign` (issue 5 "Done when"): one document signed PAdES B-T through the remote
// signing service — preparePdfSignature → credentials/authorize (PIN + TOTP, scrypt unwrap, SAD) →
// signatures/signHash (SAD unwrap, RSA-2048) → timestamp from the in-process TSA → CMS → embed — p50/p95
// per document; and a batch of 50 documents under ONE authorisation. Baseline in the same run: signPdf
// B-T with the key in memory (no custody). Use cases are called directly (no HTTP) on PostgreSQL, or with
// `-- --engine pglite` on an in-memory PGlite; the clock is simulated 31 s apart per authorisation because
// a TOTP code is accepted once.
// Goals: p95 ≤ 15 ms per document, batch of 50 ≤ 0.5 s. Prints a table (with the p50/p95 of each step of
// the one-document run, to see which step makes the tail), then one JSON line.
// The first authorisation opens the key with scrypt; the following ones (PIN still checked, a fresh code
// each time) use the in-memory activation of src/modules/signing/activation-cache.ts, as a leader signing
// several batches in a row does.
// Database round trips per document (counted, not timed, in src/modules/signing/remote-signing-round-trips.test.ts):
// authorize = the credential with its authenticator, then BEGIN, the SAD insert that consumes the code,
// the audit event, COMMIT; signHash = BEGIN, the SAD with its credential (locked), the SAD spent, the
// audit event, COMMIT: 10 in all (13-14 before).
import { createHash, randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import pg from 'pg';
import type { Database } from '../src/database.ts';
import { embedPdfSignature, estimateCmsSize, preparePdfSignature, signPdf } from '../src/lib/pdf/index.ts';
import {
  assembleCadesSignature,
  createKeySigner,
  createTimestampRequest,
  parseTimestampResponse,
  prepareCadesSignature,
  type Signer,
} from '../src/lib/pki/index.ts';
import { MIGRATIONS } from '../src/migrations.ts';
import { createStaff } from '../src/modules/identity/create-staff.ts';
import { loadActor } from '../src/modules/identity/load-actor.ts';
import { findStaffById } from '../src/modules/identity/staff.repository.ts';
import { createUnit } from '../src/modules/organisation/create-unit.ts';
import { authorizeCredential } from '../src/modules/signing/authorize-credential.ts';
import { issueCredential } from '../src/modules/signing/issue-credential.ts';
import { openPrivateKey } from '../src/modules/signing/key-envelope.ts';
import { openTimestampAuthority } from '../src/modules/signing/pki-responders.ts';
import { signHashes } from '../src/modules/signing/sign-hashes.ts';
import { enrolTotp } from '../src/modules/signing/totp.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { basePdf } from '../test/fixtures/pdf/corpus.ts';

const PIN = '246810';
const SHA256 = '2.16.840.1.101.3.4.2.1';
const kek = new Uint8Array(32).fill(9);
// The engine: PostgreSQL (production; TEST_DATABASE_URL or the local server, a fresh database dropped at
// the end) as the other benchmarks, or `-- --engine pglite` for the embedded one.
const engine = process.argv.includes('pglite') ? 'pglite' : 'postgres';
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const benchDatabase = `xaso_bench_${randomBytes(5).toString('hex')}`;
const admin = engine === 'postgres' ? new pg.Client({ connectionString: adminUrl }) : undefined;
let url: string | undefined;
if (admin) {
  await admin.connect();
  await admin.query(`create database ${benchDatabase}`);
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${benchDatabase}`;
  url = parsed.toString();
}
const handle = await openDatabase<Database>(url ? { url, poolSize: 4 } : {});
const db = handle.db;
await migrateToLatest(db as never, MIGRATIONS);
const province = await createUnit({
  db,
  requestId: null,
  parentId: null,
  kind: 'province',
  name: 'Tỉnh Tuyên Quang',
  sealName: 'ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG',
  identifierCode: 'H57',
});
const commune = await createUnit({
  db,
  requestId: null,
  parentId: province.id,
  kind: 'commune',
  name: 'Xã Bình Ca',
  sealName: 'ỦY BAN NHÂN DÂN XÃ BÌNH CA',
  identifierCode: 'H57.101',
});
const { id: staffId } = await createStaff({
  db,
  actor: null,
  requestId: null,
  username: 'bench.leader',
  fullName: 'Hoàng Văn Thành',
  title: 'Chủ tịch',
  password: 'bench-password-2026',
  unitId: commune.id,
  role: 'leader',
});
const actor = await loadActor(db, (await findStaffById(db, staffId))!);
const { credentialId, certificate } = await issueCredential({
  db,
  keyEncryptionKey: kek,
  actor: null,
  requestId: null,
  kind: 'personal',
  unitId: commune.id,
  holderStaffId: staffId,
  pin: PIN,
  keyAlgorithm: 'rsa-2048',
});
const { secret } = await enrolTotp({
  db,
  keyEncryptionKey: kek,
  staffId,
  username: 'bench.leader',
  requestId: null,
  confirmed: true,
});
const row = await db
  .selectFrom('signing_credentials')
  .selectAll()
  .where('id', '=', credentialId)
  .executeTakeFirstOrThrow();
const chain = row.chain.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
const tsa = await openTimestampAuthority({ db, keyEncryptionKey: kek });
async function timestamp(digest: Uint8Array): Promise<Uint8Array> {
  const request = createTimestampRequest(digest);
  return parseTimestampResponse(await tsa.respond(request), { request }).token;
}
const tokenSize = (await timestamp(new Uint8Array(32))).length + 64;
const localSigner: Signer = createKeySigner({
  privateKey: openPrivateKey(
    { encryptedKey: row.encrypted_key, wrappedDataKey: row.wrapped_data_key, pinSalt: row.pin_salt },
    kek,
    row.id,
    PIN,
  ),
  certificate,
  chain,
});
const contentsSize = estimateCmsSize(localSigner) + tokenSize;
const pdf = await basePdf(2);

let clock = Date.now();
const tick = async () => {
  clock += 31_000;
  const now = new Date(clock);
  return { now, otp: await generate({ secret, epoch: Math.floor(clock / 1000) }) };
};

/** Per-step durations (ms) of the one-document runs, to see which step dominates the p50 and the tail. */
const STEPS = ['prepare', 'authorize', 'signHash', 'TSA', 'CMS + embed'] as const;
const stepTimes = new Map<string, number[]>(STEPS.map((s) => [s, []]));
let lap = 0n;
const mark = (count: number, step: (typeof STEPS)[number]) => {
  const t = process.hrtime.bigint();
  if (count === 1) {
    stepTimes.get(step)?.push(Number(t - lap) / 1e6);
  }
  lap = t;
};

/** Signs `count` documents under one authorisation; returns the signed files. */
async function remoteSign(count: number): Promise<Uint8Array[]> {
  lap = process.hrtime.bigint();
  const prepared = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      preparePdfSignature(pdf, { contentsSize, fieldName: `Leader${i}`, signingTime: new Date() }),
    ),
  );
  const cades = prepared.map((p) =>
    prepareCadesSignature({ contentDigest: p.digest, certificate, chain, algorithm: localSigner.algorithm }),
  );
  const hashes = cades.map((c) => Buffer.from(c.digestToSign).toString('base64'));
  const { now, otp } = await tick();
  mark(count, 'prepare');
  const common = { db, keyEncryptionKey: kek, actor, requestId: null, credentialId, now };
  const { sad } = await authorizeCredential({
    ...common,
    numSignatures: count,
    hashes,
    hashAlgorithmOid: SHA256,
    pin: PIN,
    otp,
  });
  mark(count, 'authorize');
  const signatures = await signHashes({
    ...common,
    sad,
    hashes,
    hashAlgorithmOid: SHA256,
    signAlgorithmOid: '1.2.840.113549.1.1.11',
  });
  mark(count, 'signHash');
  const out: Uint8Array[] = [];
  for (const [i, c] of cades.entries()) {
    const signature = Buffer.from(signatures[i] ?? '', 'base64');
    const token = await timestamp(createHash('sha256').update(signature).digest());
    mark(count, 'TSA');
    const cms = assembleCadesSignature({ prepared: c, signature, unsignedTimestamp: token });
    out.push(embedPdfSignature(prepared[i]!, cms));
    mark(count, 'CMS + embed');
  }
  return out;
}

async function samples(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) {
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const round = (v: number) => Math.round(v * 100) / 100;

const remote = await samples(300, () => remoteSign(1));
const steps = STEPS.map((step) => {
  const sorted = (stepTimes.get(step) ?? []).slice(5).sort((a, b) => a - b);
  return [`  step: ${step}`, pct(sorted, 0.5), pct(sorted, 0.95)] as const;
});
const local = await samples(300, () =>
  signPdf(pdf, localSigner, { level: 'B-T', timestamp, contentsSize, signingTime: new Date() }),
);
const batch = await samples(10, () => remoteSign(50));
await handle.close();
if (admin) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await admin.query(`drop database if exists ${benchDatabase} with (force)`);
  await admin.end();
}

const rows = [
  ['remote B-T, 1 document (authorize+signHash+TSA+embed)', pct(remote, 0.5), pct(remote, 0.95)],
  ...steps,
  ['baseline: signPdf B-T, key in memory', pct(local, 0.5), pct(local, 0.95)],
  ['remote B-T, batch of 50 under one SAD (total)', pct(batch, 0.5), pct(batch, 0.95)],
] as const;
console.log(`remote signing benchmark, ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}\n`);
console.log(`${'what'.padEnd(56)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)}`);
for (const [what, p50, p95] of rows) {
  console.log(`${what.padEnd(56)} ${p50.toFixed(2).padStart(9)} ${p95.toFixed(2).padStart(9)}`);
}
console.log(
  `goals: p95 per document ≤ 15 ms: ${pct(remote, 0.95) <= 15 ? 'met' : 'NOT met'}; batch of 50 ≤ 500 ms: ${pct(batch, 0.5) <= 500 ? 'met' : 'NOT met'}`,
);
console.log(
  JSON.stringify({
    bench: 'remote-sign',
    engine,
    remoteP50Ms: round(pct(remote, 0.5)),
    remoteP95Ms: round(pct(remote, 0.95)),
    baselineP50Ms: round(pct(local, 0.5)),
    baselineP95Ms: round(pct(local, 0.95)),
    batch50P50Ms: round(pct(batch, 0.5)),
    batch50P95Ms: round(pct(batch, 0.95)),
  }),
);
