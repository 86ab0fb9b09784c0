// The demo seed receives a few dossiers at Bình Ca's one-stop centre through the intake use case; the
// code names the commune (the deciding body), not the centre; the lookup finds them with phone 5678.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
assert.equal(await seedDemo({ db }), true);

test('demo dossiers are received, audited, coded after the commune, and found by the lookup', async () => {
  const dossiers = await db
    .selectFrom('dossiers')
    .innerJoin('units', 'units.id', 'dossiers.unit_id')
    .select(['dossiers.id', 'dossiers.code', 'dossiers.status', 'units.parent_id'])
    // In code order: without it the engine may return them in any order (and does, with more indexes).
    .orderBy('dossiers.code')
    .execute();
  assert.equal(dossiers.length, 2);
  const commune = await db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', dossiers[0]?.parent_id ?? '')
    .executeTakeFirstOrThrow();
  assert.equal(commune.kind, 'commune');
  for (const [i, dossier] of dossiers.entries()) {
    assert.equal(dossier.status, 2);
    assert.ok(dossier.code.startsWith(`${commune.identifier_code}-`), dossier.code);
    assert.ok(dossier.code.endsWith(`-000${i + 1}`), dossier.code);
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', dossier.id)
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['dossier.received'],
    );
    const lookup = await app.inject({ method: 'GET', url: `/api/v1/lookup/${dossier.code}?phone=5678` });
    assert.equal(lookup.statusCode, 200, lookup.body);
  }
});
