// Online submission (issue 6 §3 "Online"): draft with scans, submit → status 1 with a code; a receptionist
// accepts (1 → 2, due date from the acceptance on the online rule) or refuses (1 → 3, BM.03 dated at the
// refusal); scans and forms only for staff of the unit and the owner; nothing half-written on bad input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeStaff, makeUnit } from '../../../test/helpers/factories.ts';
import {
  makeCitizen,
  minimalPdf,
  minimalPng,
  PROCEDURE_CODE,
  setUpDossierTests,
} from '../../../test/http/dossier-setup.ts';
import { createFileSystemBlobStore } from '../../platform/blob-store/file-system-blob-store.ts';
import { isAppError } from '../../platform/errors.ts';
import { computeUnitDueDate } from '../calendar/compute-unit-due-date.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffById } from '../identity/staff.repository.ts';
import { acceptOnlineDossier } from './accept-online-dossier.ts';
import { findDossierByCode, listStatusEvents } from './dossier.repository.ts';
import { getDossierReceipt } from './get-dossier-receipt.ts';
import { getDossierRefusal } from './get-dossier-refusal.ts';
import { getDossierScan } from './get-dossier-scan.ts';
import { listCitizenDossiers } from './list-citizen-dossiers.ts';
import { listDossierDrafts } from './list-dossier-drafts.ts';
import { listOnlineDossiersAwaiting } from './list-online-dossiers-awaiting.ts';
import { refuseOnlineDossier } from './refuse-online-dossier.ts';
import { saveDossierDraft } from './save-dossier-draft.ts';
import { submitOnlineDossier } from './submit-online-dossier.ts';

const { db, dataDir, commune, province, content } = await setUpDossierTests();
const blobStore = createFileSystemBlobStore(`${dataDir}/blobs`);
async function staffActor(options: Parameters<typeof makeStaff>[1]) {
  const staff = await findStaffById(db, (await makeStaff(db, options)).id);
  assert.ok(staff);
  return loadActor(db, staff);
}
const receptionist = await staffActor({ unit: commune, role: 'receptionist' });
const specialist = await staffActor({ unit: commune, role: 'specialist' });
const stranger = await staffActor({ unit: await makeUnit(db, { parent: province }), role: 'receptionist' });

const fields = { address: 'Thôn 3, xã Thử', phone: '0912 000 111', email: '' };
/** 2026-03-10 is a Tuesday; office hours close at 17:00 (Vietnam time, UTC+7). */
const at = (iso: string) => new Date(`${iso}+07:00`);

async function auditActions(subjectId: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['action', 'actor_type'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.actor_type}:${r.action}`);
}

async function expectError(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error) => isAppError(error) && error.code === code);
}

async function submitted(citizen: Awaited<ReturnType<typeof makeCitizen>>, now = at('2026-03-10T08:00:00')) {
  return submitOnlineDossier({
    db,
    blobStore,
    citizen,
    requestId: null,
    channel: 'online',
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields,
    documents: [{ index: 0, files: [minimalPdf()] }],
    now,
  });
}

test('a draft keeps its scans across saves and becomes a status-1 dossier with a code on submission', async () => {
  const citizen = await makeCitizen(db);
  const first = await saveDossierDraft({
    db,
    blobStore,
    citizen,
    requestId: null,
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields: { address: 'Thôn 3' },
    documents: [{ index: 0, files: [minimalPdf()] }],
  });
  const again = await saveDossierDraft({
    db,
    blobStore,
    citizen,
    requestId: null,
    draftId: first.id,
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields,
    documents: [
      { index: 0, files: [] },
      { index: 1, files: [minimalPng()] },
    ],
  });
  assert.equal(again.id, first.id);
  const drafts = await listDossierDrafts({ db, citizen });
  assert.deepEqual(
    drafts.map((d) => d.id),
    [first.id],
  );
  const now = at('2026-03-10T08:00:00');
  const dossier = await submitOnlineDossier({
    db,
    blobStore,
    citizen,
    requestId: null,
    channel: 'online',
    draftId: first.id,
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields,
    documents: [
      { index: 0, files: [] },
      { index: 1, files: [] },
    ],
    now,
  });
  assert.match(dossier.code, new RegExp(`^${commune.identifier_code.replaceAll('.', '\\.')}-260310-\\d{4}$`));
  const row = await findDossierByCode(db, dossier.code);
  assert.ok(row);
  assert.equal(row.status, 1);
  assert.equal(row.channel, 'online');
  assert.equal(row.citizen_id, citizen.citizenId);
  assert.equal(row.submitted_at?.getTime(), now.getTime());
  assert.equal(row.due_at, null);
  assert.equal(row.received_by, null);
  assert.equal(row.applicant.fullName, citizen.fullName);
  assert.equal(row.applicant.personalIdentifier, citizen.personalIdentifier);
  assert.equal(row.applicant.phone, '0912000111');
  // The PDF saved with the first draft and the PNG of the second both came through.
  assert.deepEqual(
    row.documents.map((d) => d.files.map((f) => f.mediaType)),
    [['application/pdf'], ['image/png']],
  );
  assert.deepEqual(await listDossierDrafts({ db, citizen }), []);
  assert.deepEqual(await auditActions(first.id), [
    'citizen:dossier.draft_saved',
    'citizen:dossier.draft_saved',
  ]);
  assert.deepEqual(await auditActions(row.id), ['citizen:dossier.submitted']);
  const mine = await listCitizenDossiers({ db, citizen });
  assert.deepEqual(
    mine.map((d) => [d.code, d.status]),
    [[dossier.code, 1]],
  );
  const waiting = await listOnlineDossiersAwaiting({ db, actor: receptionist });
  assert.ok(waiting.some((d) => d.code === dossier.code));
  assert.deepEqual(await listOnlineDossiersAwaiting({ db, actor: stranger }), []);
  // No receipt before acceptance.
  await expectError(
    getDossierReceipt({ db, actor: citizen, code: dossier.code, publicUrl: 'http://x', requestId: null }),
    'INVALID_STATE',
  );
});

test('acceptance moves 1 → 2 and counts the due date from the acceptance with the online 1-hour rule', async () => {
  const citizen = await makeCitizen(db);
  const { code } = await submitted(citizen);
  // Accepted at 16:30 on Tuesday: within the hour before closing, so online the clock starts on Wednesday.
  const acceptedAt = at('2026-03-10T16:30:00');
  const accepted = await acceptOnlineDossier({
    db,
    actor: receptionist,
    requestId: null,
    code,
    now: acceptedAt,
  });
  const fromWednesday = await computeUnitDueDate({
    db,
    unitId: commune.id,
    rule: content.statutoryTime,
    receivedAt: at('2026-03-11T07:00:00'),
  });
  assert.equal(accepted.dueAt.getTime(), fromWednesday.dueAt.getTime());
  // At the counter the same moment counts from 16:30 itself: the online rule made the difference.
  const atCounter = await computeUnitDueDate({
    db,
    unitId: commune.id,
    rule: content.statutoryTime,
    receivedAt: acceptedAt,
  });
  assert.notEqual(accepted.dueAt.getTime(), atCounter.dueAt.getTime());
  const row = await findDossierByCode(db, code);
  assert.ok(row);
  assert.equal(row.status, 2);
  assert.equal(row.received_at.getTime(), acceptedAt.getTime());
  assert.equal(row.received_by, receptionist.staffId);
  assert.ok(row.derivation_vi);
  assert.deepEqual(
    (await listStatusEvents(db, row.id)).map((e) => e.status),
    [1, 2],
  );
  assert.deepEqual(await auditActions(row.id), ['citizen:dossier.submitted', 'staff:dossier.accepted']);
  // The citizen now has the receipt, dated at the acceptance.
  const receipt = await getDossierReceipt({
    db,
    actor: citizen,
    code,
    publicUrl: 'http://x',
    requestId: null,
  });
  assert.equal(receipt.receivedAt.getTime(), acceptedAt.getTime());
  assert.equal(receipt.dueAt.getTime(), accepted.dueAt.getTime());
  await expectError(acceptOnlineDossier({ db, actor: receptionist, requestId: null, code }), 'INVALID_STATE');
  await expectError(
    refuseOnlineDossier({ db, actor: receptionist, requestId: null, code, reasons: 'x' }),
    'INVALID_STATE',
  );
});

test('refusal moves 1 → 3 and BM.03 is dated at the refusal, not the submission', async () => {
  const citizen = await makeCitizen(db);
  const { code } = await submitted(citizen);
  await expectError(
    refuseOnlineDossier({ db, actor: receptionist, requestId: null, code, reasons: '  ' }),
    'VALIDATION_FAILED',
  );
  const refusedAt = at('2026-03-12T09:15:00');
  await refuseOnlineDossier({
    db,
    actor: receptionist,
    requestId: null,
    code,
    reasons: 'Thiếu bản sao giấy khai sinh.\nẢnh chụp không đọc được.',
    now: refusedAt,
  });
  const refusal = await getDossierRefusal({ db, actor: citizen, code, requestId: null });
  assert.equal(refusal.refusedAt.getTime(), refusedAt.getTime());
  assert.deepEqual(refusal.reasons, ['Thiếu bản sao giấy khai sinh.', 'Ảnh chụp không đọc được.']);
  assert.equal((await findDossierByCode(db, code))?.status, 3);
  await expectError(
    getDossierReceipt({ db, actor: citizen, code, publicUrl: 'http://x', requestId: null }),
    'INVALID_STATE',
  );
  await expectError(acceptOnlineDossier({ db, actor: receptionist, requestId: null, code }), 'INVALID_STATE');
});

test('only receptionists of the unit accept; scans and forms only for its staff and the owner', async () => {
  const citizen = await makeCitizen(db);
  const other = await makeCitizen(db);
  const { code } = await submitted(citizen);
  await expectError(acceptOnlineDossier({ db, actor: specialist, requestId: null, code }), 'FORBIDDEN');
  await expectError(acceptOnlineDossier({ db, actor: stranger, requestId: null, code }), 'NOT_FOUND');
  const row = await findDossierByCode(db, code);
  const sha256 = row?.documents[0]?.files[0]?.sha256 ?? '';
  for (const viewer of [citizen, receptionist, specialist]) {
    const scan = await getDossierScan({ db, blobStore, viewer, requestId: null, code, sha256 });
    assert.deepEqual(Buffer.from(scan.bytes), minimalPdf());
  }
  for (const viewer of [other, stranger]) {
    await expectError(getDossierScan({ db, blobStore, viewer, requestId: null, code, sha256 }), 'NOT_FOUND');
  }
  // A blob the store holds but this dossier does not list is not served through it.
  const foreign = await blobStore.put(minimalPng());
  await expectError(
    getDossierScan({ db, blobStore, viewer: citizen, requestId: null, code, sha256: foreign.sha256 }),
    'NOT_FOUND',
  );
  await expectError(getDossierRefusal({ db, actor: other, code, requestId: null }), 'NOT_FOUND');
});

test('bad input is refused precisely and writes nothing', async () => {
  const citizen = await makeCitizen(db);
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const base = {
    db,
    blobStore,
    citizen,
    requestId: null,
    channel: 'online' as const,
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields,
  };
  await expectError(submitOnlineDossier({ ...base, documents: [] }), 'VALIDATION_FAILED');
  await expectError(
    submitOnlineDossier({ ...base, documents: [{ index: 0, files: [Buffer.from('not a pdf')] }] }),
    'UNSUPPORTED_MEDIA_TYPE',
  );
  await expectError(
    submitOnlineDossier({ ...base, documents: [{ index: 99, files: [] }] }),
    'VALIDATION_FAILED',
  );
  await expectError(
    submitOnlineDossier({ ...base, fields: { address: '' }, documents: [{ index: 0, files: [] }] }),
    'VALIDATION_FAILED',
  );
  await expectError(
    submitOnlineDossier({ ...base, procedureCode: 'NO.SUCH', documents: [{ index: 0, files: [] }] }),
    'VALIDATION_FAILED',
  );
  const anonymous = await makeCitizen(db, { personalIdentifier: null });
  await expectError(
    submitOnlineDossier({ ...base, citizen: anonymous, documents: [{ index: 0, files: [] }] }),
    'VALIDATION_FAILED',
  );
  await expectError(
    saveDossierDraft({ ...base, draftId: '00000000-0000-4000-8000-000000000000', documents: [] }),
    'NOT_FOUND',
  );
  assert.equal(await count(), before);
  assert.deepEqual(await listDossierDrafts({ db, citizen }), []);
});
