// The one door for status changes after intake: guarded by the current status, timeline row in the same
// transaction, nothing left behind by a rolled-back change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applicantJson,
  minimalPdf,
  PROCEDURE_CODE,
  setUpDossierTests,
} from '../../../test/http/dossier-setup.ts';
import { changeDossierStatus } from './change-dossier-status.ts';
import { findDossierByCode, listStatusEvents } from './dossier.repository.ts';

const { app, db, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');

async function receivedDossier() {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { authorization: `Bearer ${receptionist.token}` },
    payload: {
      unitId: commune.id,
      procedureCode: PROCEDURE_CODE,
      applicant: applicantJson(),
      documents: [{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }],
    },
  });
  assert.equal(response.statusCode, 201, response.body);
  const dossier = await findDossierByCode(db, response.json().code);
  assert.ok(dossier);
  return dossier;
}

test('a change from an allowed status moves the dossier and adds one timeline row', async () => {
  const dossier = await receivedDossier();
  const at = new Date(Date.now() + 60_000);
  await db
    .transaction()
    .execute((trx) => changeDossierStatus(trx, { dossierId: dossier.id, from: [2], to: 4, at }));
  assert.equal((await findDossierByCode(db, dossier.code))?.status, 4);
  const timeline = await listStatusEvents(db, dossier.id);
  assert.deepEqual(
    timeline.map((e) => e.status),
    [2, 4],
  );
  assert.equal(timeline[1]?.at.getTime(), at.getTime());
});

test('a change from any other status is INVALID_STATE and writes nothing', async () => {
  const dossier = await receivedDossier();
  await assert.rejects(
    db
      .transaction()
      .execute((trx) =>
        changeDossierStatus(trx, { dossierId: dossier.id, from: [4, 5], to: 9, at: new Date() }),
      ),
    { code: 'INVALID_STATE' },
  );
  assert.equal((await findDossierByCode(db, dossier.code))?.status, 2);
  assert.equal((await listStatusEvents(db, dossier.id)).length, 1);
});

test('a rolled-back transaction leaves neither the status nor the timeline row', async () => {
  const dossier = await receivedDossier();
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await changeDossierStatus(trx, { dossierId: dossier.id, from: [2], to: 4, at: new Date() });
      throw new Error('later step failed');
    }),
    /later step failed/,
  );
  assert.equal((await findDossierByCode(db, dossier.code))?.status, 2);
  assert.equal((await listStatusEvents(db, dossier.id)).length, 1);
});
