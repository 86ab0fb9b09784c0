import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { appendTestEvents } from '../../../test/fixtures/tlog/audit-events.ts';
import { makeStaff } from '../../../test/helpers/factories.ts';
import { createTestApp, testConfig } from '../../../test/helpers/test-app.ts';
import {
  createTileHashReader,
  formatTilePath,
  leafHash,
  openNote,
  parseCheckpoint,
  parseTlogProof,
  parseVerifierKey,
  type Tile,
  tilesForSize,
  treeHash,
  verifyConsistency,
  verifyInclusion,
  verifyTlogProof,
} from '../../lib/tlog/index.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { integrateAuditLog } from './integrate-audit-log.ts';
import { loadOrCreateLogSigner } from './log-key.ts';

const config = testConfig({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'xaso-audit-')),
  PUBLIC_URL: 'https://xa.example.vn',
});
const { app, db } = await createTestApp({ config });
const signer = loadOrCreateLogSigner(config);

async function tokenFor(role: 'auditor' | 'specialist'): Promise<string> {
  const staff = await makeStaff(db, { role });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { username: staff.username, password: staff.password },
  });
  return response.json().access_token;
}

test('the log publishes its verifier key, a signed checkpoint and immutable tiles that rebuild the root', async () => {
  assert.equal((await app.inject('/log/checkpoint')).statusCode, 404);
  await appendTestEvents(db, 40);
  await integrateAuditLog({ db, signer, batchSize: 25 }); // checkpoints 25 and 40 (+ staff events)
  const keyResponse = await app.inject('/log/verifier-key');
  assert.equal(keyResponse.statusCode, 200);
  const verifier = parseVerifierKey(keyResponse.body.trim());
  assert.equal(verifier.name, 'xa.example.vn/log');

  const checkpointResponse = await app.inject('/log/checkpoint');
  assert.equal(checkpointResponse.statusCode, 200);
  assert.match(checkpointResponse.headers['content-type'] as string, /^text\/plain; charset=utf-8/);
  assert.match(checkpointResponse.headers['cache-control'] as string, /max-age=2\b/);
  const checkpoint = parseCheckpoint(openNote(checkpointResponse.body, [verifier]).text);
  assert.equal(checkpoint.origin, 'xa.example.vn/log');

  const fetched = new Map<string, Uint8Array>();
  for (const tile of tilesForSize(checkpoint.size)) {
    const response = await app.inject(`/log/${formatTilePath(tile)}`);
    assert.equal(response.statusCode, 200, formatTilePath(tile));
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.rawPayload.length, tile.width * 32);
    fetched.set(`${tile.level}/${tile.index}`, new Uint8Array(response.rawPayload));
  }
  const readTiles = async (tiles: readonly Tile[]) =>
    tiles.map((t) => (fetched.get(`${t.level}/${t.index}`) as Uint8Array).subarray(0, t.width * 32));
  assert.deepEqual(
    await treeHash(checkpoint.size, createTileHashReader(checkpoint.size, readTiles)),
    checkpoint.rootHash,
  );
  // The partial tile of the earlier checkpoint is still served; tiles beyond the tree and entry bundles are not.
  assert.equal((await app.inject('/log/tile/0/000.p/25')).rawPayload.length, 25 * 32);
  for (const url of [
    '/log/tile/0/000',
    `/log/tile/0/000.p/${checkpoint.size + 1}`,
    '/log/tile/0/001.p/1',
    '/log/tile/entries/000',
    '/log/tile/0/1',
  ]) {
    assert.equal((await app.inject(url)).statusCode, 404, url);
  }
});

test('inclusion and consistency proofs over the API verify against the signed checkpoints', async () => {
  const verifier = parseVerifierKey(signer.verifierKey);
  const latest = parseCheckpoint(openNote((await app.inject('/log/checkpoint')).body, [verifier]).text);
  const events = await db.selectFrom('audit_events').select(['seq', 'entry']).orderBy('seq').execute();
  for (const index of [0, 7, latest.size - 1]) {
    const response = await app.inject(`/api/v1/audit/proofs/inclusion?index=${index}`);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    verifyInclusion({
      index,
      size: body.size,
      leafHash: leafHash(new TextEncoder().encode(events[index]?.entry)),
      proof: body.proof.map((h: string) => Buffer.from(h, 'base64')),
      rootHash: latest.rootHash,
    });
  }
  const old = await db
    .selectFrom('audit_checkpoints')
    .select(['size', 'root_hash'])
    .orderBy('size')
    .executeTakeFirstOrThrow();
  const consistency = (
    await app.inject(`/api/v1/audit/proofs/consistency?from=${old.size}&to=${latest.size}`)
  ).json();
  verifyConsistency({
    oldSize: Number(old.size),
    newSize: latest.size,
    oldRootHash: new Uint8Array(old.root_hash),
    newRootHash: latest.rootHash,
    proof: consistency.proof.map((h: string) => Buffer.from(h, 'base64')),
  });
  assert.equal((await app.inject(`/api/v1/audit/proofs/inclusion?index=${latest.size}`)).statusCode, 400);
  assert.equal(
    (await app.inject(`/api/v1/audit/proofs/inclusion?index=0&size=${latest.size + 1}`)).statusCode,
    404,
  );
  assert.equal((await app.inject('/api/v1/audit/proofs/inclusion?index=-1')).statusCode, 400);
  assert.equal((await app.inject('/api/v1/audit/proofs/consistency?from=5&to=4')).statusCode, 400);
});

test('entry bodies and offline proofs are for auditors only; the proof file checks with the key alone', async () => {
  assert.equal((await app.inject('/api/v1/audit/events')).statusCode, 401);
  const specialist = await tokenFor('specialist');
  const denied = await app.inject({
    url: '/api/v1/audit/events',
    headers: { authorization: `Bearer ${specialist}` },
  });
  assert.equal(denied.statusCode, 403);
  const auditor = await tokenFor('auditor');
  const headers = { authorization: `Bearer ${auditor}` };
  const listed = await app.inject({ url: '/api/v1/audit/events?from=3&limit=5', headers });
  assert.equal(listed.statusCode, 200);
  assert.deepEqual(
    listed.json().map((e: { seq: number }) => e.seq),
    [3, 4, 5, 6, 7],
  );
  assert.equal(
    (
      await app.inject({
        url: '/api/v1/audit/events/3/proof',
        headers: { authorization: `Bearer ${specialist}` },
      })
    ).statusCode,
    404,
  );
  const proofResponse = await app.inject({ url: '/api/v1/audit/events/3/proof', headers });
  assert.equal(proofResponse.statusCode, 200);
  assert.match(proofResponse.headers['content-disposition'] as string, /xaso-audit-3\.tlog-proof/);
  const file = proofResponse.body;
  const entry = parseTlogProof(file).extra as Uint8Array;
  assert.equal(JSON.parse(Buffer.from(entry).toString()).seq, 3);
  const verified = verifyTlogProof({
    proof: file,
    entry,
    origin: 'xa.example.vn/log',
    verifiers: [parseVerifierKey((await app.inject('/log/verifier-key')).body.trim())],
  });
  assert.equal(verified.index, 3);
  // A subject's history: every event with its proof, verified with the log key.
  const subject = await db
    .selectFrom('audit_events')
    .select(['subject_type', 'subject_id'])
    .where('seq', '=', 3)
    .executeTakeFirstOrThrow();
  const history = await app.inject({
    url: `/api/v1/audit/subjects/${subject.subject_type}/${subject.subject_id}/history`,
    headers,
  });
  assert.equal(history.statusCode, 200);
  assert.deepEqual(
    history.json().map((h: { seq: number; isVerified: boolean }) => [h.seq, h.isVerified]),
    [[3, true]],
  );
  // An event not yet in a checkpoint has no proof yet.
  const [pending] = await appendTestEvents(db, 1);
  assert.equal((await app.inject({ url: `/api/v1/audit/events/${pending}/proof`, headers })).statusCode, 409);
  // A superuser rewrites the entry: its history no longer verifies.
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`update audit_events set entry = replace(entry, '"v":1', '"v":2') where seq = 3`.execute(trx);
  });
  const after = await app.inject({
    url: `/api/v1/audit/subjects/${subject.subject_type}/${subject.subject_id}/history`,
    headers,
  });
  assert.deepEqual(
    after.json().map((h: { isVerified: boolean }) => h.isVerified),
    [false],
  );
  // A pending event (committed, not yet numbered by the sequencer) is listed last: no number, no proof.
  await db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      actor: { type: 'system', id: null },
      action: 'identity.role_granted',
      unitId: null,
      subjectType: subject.subject_type,
      subjectId: subject.subject_id,
      requestId: null,
    }),
  );
  const withPending = await app.inject({
    url: `/api/v1/audit/subjects/${subject.subject_type}/${subject.subject_id}/history`,
    headers,
  });
  assert.deepEqual(
    withPending.json().map((h: { seq: number | null; proof: string | null }) => [h.seq, h.proof === null]),
    [
      [3, false],
      [null, true],
    ],
  );
});
