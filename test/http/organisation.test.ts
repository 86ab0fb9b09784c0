// The unit tree (issue 2 §4): identifier codes per Decision 20/2020, seal names, materialised paths, and
// a duplicate code refused without a half-written record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUnit } from '../../src/modules/organisation/create-unit.ts';
import { listUnits, unitDepth } from '../../src/modules/organisation/list-units.ts';
import { AppError } from '../../src/platform/errors.ts';
import { toAppError } from '../../src/platform/http/error-handler.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const { db } = await createTestDatabase();

const unit = (code: string, parentId: string | null = null, kind: 'province' | 'commune' = 'province') =>
  createUnit({
    db,
    requestId: null,
    parentId,
    kind,
    name: `Đơn vị ${code}`,
    sealName: `ỦY BAN NHÂN DÂN ${code}`,
    identifierCode: code,
  });

test('units form a tree with materialised paths; children list after their parent', async () => {
  const province = await unit('T01');
  const commune = await unit('T01.01', province.id, 'commune');
  assert.equal(province.path, `/${province.id}/`);
  assert.equal(commune.path, `/${province.id}/${commune.id}/`);
  assert.equal(unitDepth(province), 0);
  assert.equal(unitDepth(commune), 1);
  const ids = (await listUnits({ db })).map((u) => u.id);
  assert.ok(ids.indexOf(province.id) < ids.indexOf(commune.id));
  const events = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', commune.id)
    .execute();
  assert.deepEqual(
    events.map((e) => e.action),
    ['organisation.unit_created'],
  );
});

test('identifier codes follow Decision 20/2020; bad ones name the field', async () => {
  for (const bad of ['h57', '57', 'H57.', 'H57..1', 'Z57', `H57.${'1'.repeat(40)}`]) {
    await assert.rejects(
      unit(bad),
      (e: unknown) =>
        e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.fields?.identifierCode !== undefined,
      bad,
    );
  }
  await assert.rejects(
    createUnit({
      db,
      requestId: null,
      parentId: null,
      kind: 'province',
      name: 'Tỉnh',
      sealName: 'X',
      identifierCode: 'T02',
      exchangeCode: 'not-a-code',
    }),
    (e: unknown) => e instanceof AppError && e.fields?.exchangeCode === 'exchangeCodeInvalid',
  );
});

test('a duplicate identifier code is a 409 CONFLICT and leaves no unit or audit event behind', async () => {
  await unit('T03');
  const before = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const error = await unit('T03').then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, 'the second unit is refused');
  assert.equal(toAppError(error).code, 'CONFLICT');
  const units = await db.selectFrom('units').select('id').where('identifier_code', '=', 'T03').execute();
  assert.equal(units.length, 1);
  const after = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(after.n), Number(before.n));
});
