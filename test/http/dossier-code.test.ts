// Dossier codes (Circular 04/2025): format, sequence per body per Vietnam day, and no gap when an intake
// rolls back after taking its number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDossierCode, takeDossierCode } from '../../src/modules/dossiers/dossier-code.ts';
import { makeUnit } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const { db } = await createTestDatabase();

test('formatDossierCode follows the example of Circular 04/2025 and grows past 9999', () => {
  assert.equal(formatDossierCode('000.00.21.H49', '2021-01-01', 1), '000.00.21.H49-210101-0001');
  assert.equal(formatDossierCode('G06.01', '2026-02-13', 12345), 'G06.01-260213-12345');
});

test('the sequence is per body and per Vietnam day; a rolled-back intake gives its number back', async () => {
  const body = await makeUnit(db);
  const other = await makeUnit(db);
  // 16:59 UTC on 12/02 is 23:59 in Vietnam; 17:00 UTC is already 13/02 there.
  const lateEvening = new Date('2026-02-12T16:59:00Z');
  const nextMorning = new Date('2026-02-12T17:00:00Z');
  const take = (unit = body, at = lateEvening) =>
    db.transaction().execute((trx) => takeDossierCode(trx, unit, at));
  assert.equal(await take(), `${body.identifier_code}-260212-0001`);
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      assert.equal(await takeDossierCode(trx, body, lateEvening), `${body.identifier_code}-260212-0002`);
      throw new Error('the intake failed after taking its code');
    }),
    /intake failed/,
  );
  assert.equal(await take(), `${body.identifier_code}-260212-0002`);
  assert.equal(await take(other), `${other.identifier_code}-260212-0001`);
  assert.equal(await take(body, nextMorning), `${body.identifier_code}-260213-0001`);
});
