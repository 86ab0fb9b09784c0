// The statistics against counts made by hand on a small fixture (issue 7 §7): each dossier below is
// written with its timeline, and the comment says where it must count in October 2026.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { makeStaff, makeUnit } from '../../../test/helpers/factories.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import { importDossierHistory } from '../dossiers/import-dossier-history.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffByUsername } from '../identity/staff.repository.ts';
import { getUnitStatistics, onTimeRate } from './get-unit-statistics.ts';

const { db } = await createTestDatabase();
const province = await makeUnit(db);
const communeA = await makeUnit(db, { parent: province });
const communeB = await makeUnit(db, { parent: province });
const P1 = { code: 'P1', versionId: randomUUID(), name: 'Thủ tục một' };
const P2 = { code: 'P2', versionId: randomUUID(), name: 'Thủ tục hai' };
const applicant = {
  fullName: 'Lê Văn Mẫu',
  personalIdentifier: '001190000001',
  address: 'Thôn 2',
  phone: '0912000111',
  email: null,
  proxy: null,
};
const at = (text: string) => new Date(`2026-${text}+07:00`);

function dossier(procedure: typeof P1, due: string | null, events: [DossierStatus, string][]) {
  return {
    procedure,
    channel: 'counter' as const,
    applicant,
    feeVnd: 0,
    dueAt: due ? at(due) : null,
    events: events.map(([status, time]) => ({ status, at: at(time) })),
  };
}

await importDossierHistory({
  db,
  unitId: communeA.id,
  dossiers: [
    // d1 received, finished early (08 < due day 10), returned in October.
    dossier(P1, '10-10T17:00', [
      [2, '10-05T09:00'],
      [4, '10-05T10:00'],
      [9, '10-08T10:00'],
      [10, '10-09T08:00'],
    ]),
    // d2 received, finished on the due day before the due time: on time.
    dossier(P1, '10-12T17:00', [
      [2, '10-06T09:00'],
      [9, '10-12T16:00'],
    ]),
    // d3 received, a supplement, finished after the due time: late; returned.
    dossier(P1, '10-13T17:00', [
      [2, '10-06T10:00'],
      [5, '10-07T10:00'],
      [4, '10-09T10:00'],
      [9, '10-14T09:00'],
      [10, '10-15T09:00'],
    ]),
    // d4 received, still in progress, due after the period: not overdue.
    dossier(P1, '11-05T17:00', [
      [2, '10-20T09:00'],
      [4, '10-20T10:00'],
    ]),
    // d5 received, still in progress, due within the period: overdue.
    dossier(P1, '10-20T17:00', [
      [2, '10-02T09:00'],
      [4, '10-02T10:00'],
    ]),
    // d6 refused at intake: a refusal, not received.
    dossier(P1, null, [[3, '10-03T09:00']]),
    // d7 received in September, finished late in October: late, not received in October.
    dossier(P1, '10-02T17:00', [
      [2, '09-25T09:00'],
      [9, '10-03T09:00'],
    ]),
    // d8 received and finished early in September: nothing in October.
    dossier(P1, '09-30T17:00', [
      [2, '09-20T09:00'],
      [9, '09-28T09:00'],
    ]),
    // d9 same-day procedure finished the same afternoon: on time; returned only in November.
    dossier(P2, '10-15T17:00', [
      [2, '10-15T09:00'],
      [9, '10-15T15:00'],
      [10, '11-02T09:00'],
    ]),
    // d12 submitted online (1), accepted the same afternoon (2), still open after its due date: overdue.
    dossier(P2, '10-27T17:00', [
      [1, '10-20T09:00'],
      [2, '10-20T14:00'],
    ]),
    // d10 received at the end of October, finished in November: in progress at the end of October.
    dossier(P1, '11-10T17:00', [
      [2, '10-30T09:00'],
      [9, '11-02T09:00'],
    ]),
  ],
});
await importDossierHistory({
  db,
  unitId: communeB.id,
  // d11 in the other commune: early.
  dossiers: [
    dossier(P1, '10-17T17:00', [
      [2, '10-10T09:00'],
      [9, '10-11T09:00'],
    ]),
  ],
});

async function actorFor(role: 'receptionist' | 'unit_admin' | 'clerk' | 'specialist', unit = communeA) {
  const staff = await makeStaff(db, { unit, role });
  const row = await findStaffByUsername(db, staff.username);
  assert.ok(row);
  return loadActor(db, row);
}
const october = { from: '2026-10-01', to: '2026-10-31' };
const now = new Date('2026-12-07T08:00:00+07:00');

test('counts per procedure, totals and on-time rate of a commune in October, as counted by hand', async () => {
  const stats = await getUnitStatistics({ db, actor: await actorFor('receptionist'), filter: october, now });
  assert.deepEqual(
    stats.rows.map(({ unitId: _u, unitName: _n, procedureName: _p, ...counts }) => counts),
    [
      {
        procedureCode: 'P1',
        received: 6,
        inProgress: 3,
        overdue: 1,
        early: 1,
        onTime: 1,
        late: 2,
        returned: 2,
        supplements: 1,
        refusals: 1,
      },
      {
        procedureCode: 'P2',
        received: 2,
        inProgress: 1,
        overdue: 1,
        early: 0,
        onTime: 1,
        late: 0,
        returned: 0,
        supplements: 0,
        refusals: 0,
      },
    ],
  );
  assert.equal(stats.totals.received, 8);
  assert.equal(onTimeRate(stats.totals), 3 / 5);
  assert.deepEqual(stats.months, [{ month: '2026-10', received: 8, early: 1, onTime: 2, late: 2 }]);
  assert.deepEqual(
    stats.procedures.map((p) => p.code),
    ['P1', 'P2'],
  );
});

test('filters: one procedure, a longer period with its months, and a province over its communes', async () => {
  const actor = await actorFor('receptionist');
  const p2 = await getUnitStatistics({ db, actor, filter: { ...october, procedureCode: 'P2' }, now });
  assert.deepEqual(
    p2.rows.map((r) => r.procedureCode),
    ['P2'],
  );
  const autumn = await getUnitStatistics({
    db,
    actor,
    filter: { from: '2026-09-01', to: '2026-11-30' },
    now,
  });
  assert.deepEqual(autumn.months, [
    { month: '2026-09', received: 2, early: 1, onTime: 0, late: 0 },
    { month: '2026-10', received: 8, early: 1, onTime: 2, late: 2 },
    { month: '2026-11', received: 0, early: 1, onTime: 0, late: 0 },
  ]);
  // d10 finished early in November (02 < 10); d4, d5 and d12 are still open.
  assert.equal(autumn.totals.early, 3);
  assert.equal(autumn.totals.inProgress, 3);
  const admin = await actorFor('unit_admin', province);
  const all = await getUnitStatistics({ db, actor: admin, filter: october, now });
  assert.deepEqual(
    all.rows.map((r) => `${r.unitId === communeA.id ? 'A' : 'B'} ${r.procedureCode} ${r.received}`).sort(),
    ['A P1 6', 'A P2 2', 'B P1 1'],
  );
  assert.equal(all.totals.early, 2);
  const perUnit = await getUnitStatistics({ db, actor: admin, filter: { ...october, groupBy: 'unit' }, now });
  assert.deepEqual(
    perUnit.rows
      .map((r) => `${r.unitId === communeA.id ? 'A' : 'B'} ${r.procedureCode || '-'} ${r.received} ${r.late}`)
      .sort(),
    ['A - 8 2', 'B - 1 0'],
  );
  const perProcedure = await getUnitStatistics({
    db,
    actor: admin,
    filter: { ...october, groupBy: 'procedure' },
    now,
  });
  assert.deepEqual(
    perProcedure.rows.map((r) => [r.unitId === province.id, r.procedureCode, r.received, r.early]),
    [
      [true, 'P1', 7, 2],
      [true, 'P2', 2, 0],
    ],
  );
  assert.deepEqual(perProcedure.totals, all.totals, 'grouping does not change the totals');
  const b = await getUnitStatistics({ db, actor: admin, filter: { ...october, unitId: communeB.id }, now });
  assert.equal(b.totals.received, 1);
});

test('authorisation and bad periods', async () => {
  for (const role of ['clerk', 'specialist'] as const) {
    await assert.rejects(getUnitStatistics({ db, actor: await actorFor(role), filter: october, now }), {
      code: 'FORBIDDEN',
    });
  }
  const receptionist = await actorFor('receptionist');
  await assert.rejects(
    getUnitStatistics({ db, actor: receptionist, filter: { ...october, unitId: communeB.id }, now }),
    { code: 'FORBIDDEN' },
  );
  for (const [filter, field] of [
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2026-10-31', to: '2026-10-01' }, 'to'],
    [{ from: '2020-01-01', to: '2026-10-01' }, 'to'],
  ] as const) {
    await assert.rejects(getUnitStatistics({ db, actor: receptionist, filter, now }), (error: unknown) => {
      const e = error as { code: string; fields: Record<string, string> };
      return e.code === 'VALIDATION_FAILED' && field in e.fields;
    });
  }
});
