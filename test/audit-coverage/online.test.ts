// Audit coverage (issue 4 §1) of online submission (issue 6 §3 "Online"): a citizen's drafts, their
// submission and the receptionist's acceptance, each append refused (nothing changes) and then run (one
// event by the citizen or the receptionist, on the commune, about the draft or the dossier). See coverage.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptOnlineDossier } from '../../src/modules/dossiers/accept-online-dossier.ts';
import { deleteDossierDraft } from '../../src/modules/dossiers/delete-dossier-draft.ts';
import { findDossierByCode } from '../../src/modules/dossiers/dossier.repository.ts';
import { saveDossierDraft } from '../../src/modules/dossiers/save-dossier-draft.ts';
import { submitOnlineDossier } from '../../src/modules/dossiers/submit-online-dossier.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { makeStaff } from '../helpers/factories.ts';
import { makeCitizen, minimalPdf, PROCEDURE_CODE, setUpDossierTests } from '../http/dossier-setup.ts';
import { auditCoverage, installAuditRefusal, staffActor } from './coverage.ts';

const { db, dataDir, commune } = await setUpDossierTests();
const blobStore = createFileSystemBlobStore(`${dataDir}/blobs`);
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'online');
const citizen = await makeCitizen(db);
const asCitizen = { type: 'citizen', id: citizen.citizenId };
const fields = { address: 'Thôn 3, xã Thử', phone: '0912 000 111', email: '' };
const draft = () =>
  saveDossierDraft({
    db,
    blobStore,
    citizen,
    requestId: null,
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields,
    documents: [{ index: 0, files: [minimalPdf()] }],
  });

test('a draft saved and deleted', async () => {
  const saved = await exercise('dossier.draft_saved', 'dossier_drafts', draft, {
    expect: (result) => ({
      actor: asCitizen,
      unit: commune.id,
      subject: { type: 'dossier_draft', id: result?.id },
    }),
  });
  assert.ok(saved);
  await exercise(
    'dossier.draft_deleted',
    null,
    () => deleteDossierDraft({ db, citizen, requestId: null, draftId: saved.id }),
    { expect: { actor: asCitizen, unit: commune.id, subject: { type: 'dossier_draft', id: saved.id } } },
  );
});

test('a dossier submitted online and accepted at the counter', async () => {
  const submitted = await exercise(
    'dossier.submitted',
    'dossiers',
    () =>
      submitOnlineDossier({
        db,
        blobStore,
        citizen,
        requestId: null,
        channel: 'online',
        unitId: commune.id,
        procedureCode: PROCEDURE_CODE,
        fields,
        documents: [{ index: 0, files: [minimalPdf()] }],
      }),
    { expect: { actor: asCitizen, unit: commune.id, subject: { type: 'dossier' } } },
  );
  assert.ok(submitted);
  const dossier = await findDossierByCode(db, submitted.code);
  assert.ok(dossier);
  const staff = await findStaffById(db, (await makeStaff(db, { unit: commune, role: 'receptionist' })).id);
  assert.ok(staff);
  const receptionist = await loadActor(db, staff);
  await exercise(
    'dossier.accepted',
    'dossiers',
    () => acceptOnlineDossier({ db, actor: receptionist, requestId: null, code: submitted.code }),
    {
      expect: {
        actor: staffActor(receptionist.staffId),
        unit: commune.id,
        subject: { type: 'dossier', id: dossier.id },
      },
    },
  );
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
