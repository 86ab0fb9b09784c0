// The due-date calculator with a procedure from the catalogue (issue 6 §2:
// `GET /api/v1/calendar/due-date?unit=<unit id>&procedure=<code>&receivedAt=<ISO time>`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adoptProcedure } from '../../src/modules/catalogue/adopt-procedure.ts';
import { seedProcedures } from '../../src/modules/catalogue/catalogue-seed-data.ts';
import { createProcedure } from '../../src/modules/catalogue/create-procedure.ts';
import type { ProcedureContent } from '../../src/modules/catalogue/procedure.types.ts';
import { makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();

/** A real seeded procedure (household business registration, no cut-off) with the given statutory time. */
function procedureContent(statutoryTime: ProcedureContent['statutoryTime']): ProcedureContent {
  const found = seedProcedures({ householdBusinessFeeVnd: 100000 }).find(
    (p) => p.content.statutoryTime.kind === 'workingDays' && p.content.statutoryTime.cutoff === undefined,
  );
  assert.ok(found);
  return { ...found.content, statutoryTime };
}

test('GET /api/v1/calendar/due-date?procedure= uses the procedure the unit provides (catalogue) and the online rule', async () => {
  // The demo seed is not loaded here: a province defines a procedure of 5 working days, a commune adopts it.
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province });
  const { id } = await createProcedure({
    db,
    actor: null,
    requestId: null,
    unitId: province.id,
    code: 'TEST.0001',
    effectiveFrom: '2026-01-01',
    content: procedureContent({ kind: 'workingDays', days: 5 }),
  });
  await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2026-01-01',
  });
  const ask = (query: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/calendar/due-date?unit=${commune.id}&procedure=TEST.0001&${query}`,
    });
  // Thursday 05/03/2026 16:30 at the counter: counted from 16:30; 5 × 8 working hours run out at
  // 16:30 on Thursday 12/03 (0.5 h that day, then 4 full days Fri, Mon, Tue, Wed = 32 h, then 7.5 h Thu).
  const counter = await ask('receivedAt=2026-03-05T16:30:00%2B07:00');
  assert.equal(counter.statusCode, 200, counter.body);
  assert.equal(counter.json().dueAt, '2026-03-12T16:30:00+07:00');
  // Online, within 1 hour before closing (17:00): counted from Friday 06/03 07:00 → due Thursday 12/03 17:00.
  const online = await ask('channel=online&receivedAt=2026-03-05T16:30:00%2B07:00');
  assert.equal(online.statusCode, 200, online.body);
  assert.equal(online.json().dueAt, '2026-03-12T17:00:00+07:00');
  // A procedure the commune does not provide is a 404; giving both a procedure and a rule is a 400.
  const unknown = await app.inject({
    method: 'GET',
    url: `/api/v1/calendar/due-date?unit=${commune.id}&procedure=NOPE.1&receivedAt=2026-03-05T09:00:00%2B07:00`,
  });
  assert.equal(unknown.statusCode, 404);
  const both = await ask('kind=workingDays&days=3&receivedAt=2026-03-05T09:00:00%2B07:00');
  assert.equal(both.statusCode, 400);
  assert.equal(both.json().error.fields.kind, 'procedureOrRule');
});
