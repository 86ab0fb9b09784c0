// computeUnitDueDate as intake calls it: a unit's calendar from the database, a clock stop (supplement
// awaited, BM.02) and the one extension (BM.04), and the library's errors as AppErrors. Runs on the test
// engine (PGlite, or PostgreSQL with XASO_TEST_ENGINE=postgres). Office hours 07:00–11:30, 13:30–17:00.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit } from '../../../test/helpers/factories.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { DeadlineRule } from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { computeUnitDueDate } from './compute-unit-due-date.ts';

const { db } = await createTestDatabase();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const at = (iso: string) => new Date(iso);
const twoDays: DeadlineRule = { kind: 'workingDays', days: 2 };

test('a supplement pause and an extension move the due date by their working time', async () => {
  // Received Mon 02/03/2026 09:00, 2 working days (16 h): 6 h Monday, 8 h Tuesday, 2 h Wednesday → Wed 09:00.
  const plain = await computeUnitDueDate({
    db,
    unitId: commune.id,
    rule: twoDays,
    receivedAt: at('2026-03-02T09:00:00+07:00'),
  });
  assert.equal(plain.dueAt.toISOString(), '2026-03-04T02:00:00.000Z');
  // Paused Mon 14:00 → Tue 14:00: 3 h on Monday + 5 h on Tuesday = 8 h not counted → Thu 05/03 09:00;
  // then one working day of extension → Fri 06/03 09:00.
  const paused = await computeUnitDueDate({
    db,
    unitId: commune.id,
    rule: twoDays,
    receivedAt: at('2026-03-02T09:00:00+07:00'),
    pauses: [
      { from: at('2026-03-02T14:00:00+07:00'), to: at('2026-03-03T14:00:00+07:00'), reason: 'supplement' },
    ],
    extension: { workingDays: 1 },
  });
  assert.equal(paused.dueAt.toISOString(), '2026-03-06T02:00:00.000Z');
  const codes = paused.derivation.map((s) => s.code);
  assert.ok(codes.includes('PAUSE') && codes.includes('EXTENSION'), codes.join());
});

test('library errors become AppErrors naming the field; an unknown unit is NOT_FOUND', async () => {
  const refused = async (options: Parameters<typeof computeUnitDueDate>[0], code: string, field?: string) => {
    await assert.rejects(computeUnitDueDate(options), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, code);
      if (field) {
        assert.ok(field in (error.fields ?? {}), JSON.stringify(error.fields));
      }
      return true;
    });
  };
  const receivedAt = at('2026-03-02T09:00:00+07:00');
  await refused(
    { db, unitId: commune.id, rule: { kind: 'workingDays', days: -1 }, receivedAt },
    'VALIDATION_FAILED',
    'rule',
  );
  await refused(
    { db, unitId: commune.id, rule: twoDays, receivedAt: new Date(Number.NaN) },
    'VALIDATION_FAILED',
    'receivedAt',
  );
  await refused(
    { db, unitId: '00000000-0000-4000-8000-000000000000', rule: twoDays, receivedAt },
    'NOT_FOUND',
  );
  await refused({ db, unitId: 'not-a-uuid', rule: twoDays, receivedAt }, 'NOT_FOUND');
});
