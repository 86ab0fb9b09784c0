// Dossier codes (Circular 04/2025): format, sequence per body per Vietnam day, taken outside the intake's
// transaction: an intake that rolls back after taking its number leaves a gap, never a duplicate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CodeBlock,
  forgetIdleBlocks,
  formatDossierCode,
  takeDossierCode,
} from '../../src/modules/dossiers/dossier-code.ts';
import { insertDossier } from '../../src/modules/dossiers/insert-dossiers.ts';
import type { Unit } from '../../src/modules/organisation/unit.table.ts';
import { dossierRow, makeUnit } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const { db } = await createTestDatabase();

const row = (unit: Unit, at: Date, code: string) => dossierRow({ unitId: unit.id, at, code });

test('formatDossierCode follows the example of Circular 04/2025 and grows past 9999', () => {
  assert.equal(formatDossierCode('000.00.21.H49', '2021-01-01', 1), '000.00.21.H49-210101-0001');
  assert.equal(formatDossierCode('G06.01', '2026-02-13', 12345), 'G06.01-260213-12345');
});

test('the sequence is per body and per Vietnam day; a rolled-back intake leaves a gap, not a duplicate', async () => {
  const body = await makeUnit(db);
  const other = await makeUnit(db);
  // 16:59 UTC on 12/02 is 23:59 in Vietnam; 17:00 UTC is already 13/02 there.
  const lateEvening = new Date('2026-02-12T16:59:00Z');
  const nextMorning = new Date('2026-02-12T17:00:00Z');
  const take = async (unit = body, at = lateEvening) => {
    const code = await takeDossierCode(db, unit, at);
    await db.transaction().execute((trx) => insertDossier(trx, { row: row(unit, at, code) }));
    return code;
  };
  assert.equal(await take(), `${body.identifier_code}-260212-0001`);
  const lost = await takeDossierCode(db, body, lateEvening);
  assert.equal(lost, `${body.identifier_code}-260212-0002`);
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await insertDossier(trx, { row: row(body, lateEvening, lost) });
      throw new Error('the intake failed after taking its code');
    }),
    /intake failed/,
  );
  // The number is not given back: the next intake skips it (a gap), so no two dossiers can ever share one.
  assert.equal(await take(), `${body.identifier_code}-260212-0003`);
  assert.equal(await take(other), `${other.identifier_code}-260212-0001`);
  assert.equal(await take(body, nextMorning), `${body.identifier_code}-260213-0001`);
  // The rolled-back dossier is gone, its first status with it; each kept one has its first status.
  const kept = await db
    .selectFrom('dossiers')
    .select(['id', 'code'])
    .where('unit_id', 'in', [body.id, other.id])
    .orderBy('code')
    .execute();
  assert.deepEqual(
    kept.map((k) => k.code),
    [
      `${body.identifier_code}-260212-0001`,
      `${body.identifier_code}-260212-0003`,
      `${body.identifier_code}-260213-0001`,
      `${other.identifier_code}-260212-0001`,
    ].sort(),
  );
  const events = await db
    .selectFrom('dossier_status_events')
    .select('dossier_id')
    .where(
      'dossier_id',
      'in',
      kept.map((k) => k.id),
    )
    .execute();
  assert.equal(events.length, 4);
});

test('the code is never taken inside a transaction (its relaxed commit would spread to the intake)', async () => {
  const body = await makeUnit(db);
  await assert.rejects(
    db.transaction().execute((trx) => takeDossierCode(trx, body, new Date())),
    /own transaction/,
  );
});

test('concurrent takes at one body get distinct, consecutive numbers', async () => {
  const body = await makeUnit(db);
  const at = new Date('2026-03-03T03:00:00Z');
  const codes = await Promise.all(Array.from({ length: 20 }, () => takeDossierCode(db, body, at)));
  assert.deepEqual(
    codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
});

test('past 9999 the sequence keeps every digit', async () => {
  const body = await makeUnit(db);
  const at = new Date('2026-03-02T03:00:00Z');
  await db
    .insertInto('dossier_code_counters')
    .values({ unit_id: body.id, day: '2026-03-02', last_seq: 9999 })
    .execute();
  assert.equal(await takeDossierCode(db, body, at), `${body.identifier_code}-260302-10000`);
});

test('held blocks are bounded: past 256, the idle ones (their numbers a gap already) are dropped', () => {
  const blocks = new Map<string, CodeBlock>();
  const now = 100_000;
  for (let i = 0; i < 300; i++) {
    blocks.set(`body-${i} 2026-03-0${1 + (i % 2)}`, {
      next: 1,
      last: 5,
      size: 8,
      reservedAt: i < 200 ? now - 20_000 : now - 1_000,
    });
  }
  blocks.set('busy 2026-03-02', { next: 1, last: 0, size: 1, reservedAt: 0, reserving: Promise.resolve() });
  forgetIdleBlocks(blocks, now);
  assert.equal(blocks.size, 101, 'the 100 fresh blocks and the one being reserved stay');
  assert.ok(blocks.has('busy 2026-03-02'));
  const few = new Map([...blocks].slice(0, 10));
  forgetIdleBlocks(few, now + 60_000);
  assert.equal(few.size, 10, 'below the bound nothing is dropped');
});
