// Batched public lookups (dossier.repository.ts, platform/db/statement-batcher.ts), on the real engine:
// lookups arriving together are asked in one statement, yet each gets its own dossier, and a wrong code or
// a wrong phone among them still fails alone, with the same NOT_FOUND as ever.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDossierWithTimeline } from '../../src/modules/dossiers/dossier.repository.ts';
import { insertDossier } from '../../src/modules/dossiers/insert-dossiers.ts';
import { lookupDossier } from '../../src/modules/dossiers/lookup-dossier.ts';
import { dossierRow } from '../helpers/factories.ts';
import { logStatements } from '../helpers/statement-log.ts';
import { applicantJson, setUpDossierTests } from './dossier-setup.ts';

const setup = await setUpDossierTests();
const { db, statements } = logStatements(setup.db);
const COUNT = 8;
/** Eight dossiers, each with its own code and phone ending 00..07. */
const dossiers = Array.from({ length: COUNT }, (_, i) =>
  dossierRow({
    unitId: setup.commune.id,
    code: `LB.${i}-261207-${String(i + 1).padStart(4, '0')}`,
    applicant: applicantJson(`09123400${String(i).padStart(2, '0')}`),
  }),
);
for (const row of dossiers) {
  await insertDossier(setup.db, { row });
}

test('lookups asked together share one statement, and each gets its own dossier', async () => {
  statements.length = 0;
  // In one tick: the first goes at once, alone; the seven others wait for it and are asked together.
  const found = await Promise.all(dossiers.map((d) => findDossierWithTimeline(db, d.code)));
  assert.deepEqual(statements, ['dossier-lookup', 'dossier-lookup']);
  for (const [i, d] of dossiers.entries()) {
    assert.equal(found[i]?.code, d.code);
    assert.equal(found[i]?.applicant_phone_digits, d.applicant_phone_digits, 'its own dossier');
    assert.deepEqual(
      found[i]?.timeline.map((e) => e.status),
      [2],
    );
  }
});

test('a wrong code and a wrong phone in a shared statement fail alone, with the same NOT_FOUND', async () => {
  const asked = [
    { code: dossiers[0]?.code ?? '', phoneLast4: '0000' },
    { code: dossiers[1]?.code ?? '', phoneLast4: '0001' },
    { code: 'LB.9-261207-9999', phoneLast4: '0002' },
    { code: dossiers[3]?.code ?? '', phoneLast4: '0002' },
    { code: 'not a code', phoneLast4: '0004' },
    { code: dossiers[5]?.code ?? '', phoneLast4: '0005' },
  ];
  statements.length = 0;
  const outcomes = await Promise.all(
    asked.map((a) =>
      lookupDossier({ db, ...a }).then(
        (view) => view.code,
        (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
      ),
    ),
  );
  const notFound = 'NOT_FOUND: Không tìm thấy hồ sơ với mã và số điện thoại này.';
  assert.deepEqual(outcomes, [
    dossiers[0]?.code,
    dossiers[1]?.code,
    notFound,
    notFound,
    notFound,
    dossiers[5]?.code,
  ]);
  assert.deepEqual(statements, ['dossier-lookup', 'dossier-lookup'], 'every lookup asked the database');
});

test('inside a transaction the lookup is that transaction’s own statement', async () => {
  const d = dossiers[2];
  assert.ok(d);
  const found = await db.transaction().execute((trx) => findDossierWithTimeline(trx, d.code));
  assert.equal(found?.code, d.code);
});
