// Issue 7 §3 on the real engine: register numbers (per commune, type and year; gapless under concurrent
// use; given back on rollback), certifying a copy and a signature through to the sealed PDF and the
// processed dossier, and the authorisation of every action.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import {
  adoptCertificationProcedures,
  colourScan,
  receiveCertificationDossier,
  signAndSeal,
} from '../../../test/fixtures/certification.ts';
import { makePerson, otpClock } from '../../../test/fixtures/signature-requests.ts';
import { makeStaff, makeUnit } from '../../../test/helpers/factories.ts';
import { JPEG, minimalPdf, minimalPng, setUpDossierTests } from '../../../test/http/dossier-setup.ts';
import { readPdfLayout, verifyPdf } from '../../lib/pdf/index.ts';
import { createFileSystemBlobStore } from '../../platform/blob-store/file-system-blob-store.ts';
import { createSettableClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { loadActor } from '../identity/load-actor.ts';
import type { Role } from '../identity/roles.ts';
import { findStaffById } from '../identity/staff.repository.ts';
import { returnSignatureRequest } from '../signature-requests/close-signature-request.ts';
import { findSignedPdf } from '../signature-requests/get-signed-pdf.ts';
import { assignCertificationNumber } from './assign-certification-number.ts';
import { CERTIFICATION_SUBJECT, certifyPaper } from './certify-paper.ts';
import { registerCertificationCompletion } from './complete-certification.ts';
import { listCertificationRegister } from './list-certification-register.ts';

const kek = new Uint8Array(32).fill(9);
const base = await setUpDossierTests();
const { db, province, commune } = base;
const blobStore = createFileSystemBlobStore(join(base.dataDir, 'blobs'));
// The completion reads the business clock: set past the due date in the copy test, it finishes late.
const clock = createSettableClock(new Date());
registerCertificationCompletion(clock);
await adoptCertificationProcedures(db, province, commune);
const chairman = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Chủ');
const clerk = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Văn Thư');
async function actorFor(role: Role, unit = commune) {
  const staff = await makeStaff(db, { unit, role, fullName: `Cán bộ ${role}` });
  const row = await findStaffById(db, staff.id);
  assert.ok(row);
  return loadActor(db, row);
}
const officer = await actorFor('specialist');
const receptionist = await actorFor('receptionist');
const stranger = await actorFor('specialist', await makeUnit(db, { parent: province }));
const tick = otpClock();

const receive = (procedureCode: string) =>
  receiveCertificationDossier(db, blobStore, receptionist, commune, procedureCode);

const form = (code: string) => ({
  db,
  blobStore,
  requestId: null,
  code,
  original: minimalPdf(),
  paperTitle: 'Giấy khai sinh',
  copies: 2,
  signerStaffId: chairman.id,
});

async function counterOf(kind: 'copy' | 'signature', year: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('certification_counters')
    .select('last_seq')
    .where('unit_id', '=', commune.id)
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.last_seq;
}

async function rejects(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error: unknown) => error instanceof AppError && error.code === code);
}

test('numbers: per unit, type and year, restarting each year, gapless under concurrent use', async () => {
  const unit = await makeUnit(db, { parent: province });
  const take = (kind: 'copy' | 'signature', at: Date) =>
    db.transaction().execute((trx) => assignCertificationNumber(trx, { unitId: unit.id, kind, at }));
  // 23:30 on 31 December in Vietnam is still the old year; 00:30 on 1 January the new one.
  const lastOfYear = await take('copy', new Date('2030-12-31T16:30:00Z'));
  assert.equal(lastOfYear.number, '1/1/2030/SCT/BS');
  const firstOfYear = await take('copy', new Date('2030-12-31T17:30:00Z'));
  assert.equal(firstOfYear.number, '1/1/2031/SCT/BS');
  assert.equal((await take('signature', new Date('2031-01-02T03:00:00Z'))).number, '1/1/2031/SCT/CK,ĐC');
  // Ten officers at once: ten distinct consecutive numbers.
  const at = new Date('2031-03-02T03:00:00Z');
  const taken = await Promise.all(Array.from({ length: 10 }, () => take('copy', at)));
  assert.deepEqual(
    taken.map((t) => t.seq).sort((a, b) => a - b),
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  // A rolled-back certification gives its number back: no gap.
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await assignCertificationNumber(trx, { unitId: unit.id, kind: 'copy', at });
      throw new Error('rollback');
    }),
  );
  assert.equal((await take('copy', at)).seq, 12);
});

test('certified copy: statement, one number for its copies, chairman signs, seal, dossier processed', async () => {
  const code = await receive('2.000815');
  const certification = await certifyPaper({ ...form(code), actor: officer, original: colourScan() });
  const year = certification.year;
  assert.match(certification.number, new RegExp(`^\\d+/1/${year}/SCT/BS$`));
  assert.equal(certification.copies, 2);
  assert.equal(certification.pages, 1);
  assert.equal(certification.fee_vnd, 4000);
  assert.equal(certification.state, 'awaiting_signature');
  assert.equal((await findDossierByCode(db, code))?.status, 4);

  const finishAt = new Date(Date.now() + 30 * 86_400_000);
  clock.set(finishAt);
  const sealedAt = await signAndSeal(db, blobStore, {
    kek,
    chairman,
    clerk,
    requestId: certification.signature_request_id,
    publicUrl: 'https://xaso.example.vn',
    tick,
  });
  assert.equal((await findDossierByCode(db, code))?.status, 9);
  // Finished on the clock's day, a month after its same-day due date: late, as the statistics count it.
  const dossier = await findDossierByCode(db, code);
  const workflow = await db
    .selectFrom('dossier_workflows')
    .select(['finished_at', 'outcome'])
    .where('dossier_id', '=', dossier?.id ?? '')
    .executeTakeFirst();
  assert.deepEqual(workflow, { finished_at: finishAt, outcome: 'late' });
  clock.set(new Date());
  const signed = await findSignedPdf({
    db,
    blobStore,
    subjectType: CERTIFICATION_SUBJECT,
    subjectId: certification.id,
  });
  assert.ok(signed);
  const layout = readPdfLayout(signed.pdf);
  assert.equal(layout.pageCount, 2, 'the scan and the statement page');
  const root = await db
    .selectFrom('signing_authorities')
    .select('certificate')
    .where('role', '=', 'root')
    .executeTakeFirstOrThrow();
  const report = await verifyPdf(signed.pdf, {
    trustAnchors: [new Uint8Array(Buffer.from(root.certificate, 'base64'))],
    at: sealedAt,
  });
  assert.equal(report.signatures.length, 2);
  for (const s of report.signatures) {
    assert.notEqual(s.verdict, 'TOTAL_FAILED', JSON.stringify(s));
  }
  const register = await listCertificationRegister({
    db,
    actor: receptionist,
    unitId: commune.id,
    kind: 'copy',
    month: certification.certified_at.toISOString().slice(0, 7),
  });
  const entry = register.entries.find((e) => e.id === certification.id);
  assert.equal(entry?.state, 'completed');
  assert.equal(entry?.requester_name, 'Trần Thị Nộp');
  assert.equal(entry?.signer_name, 'Hoàng Văn Chủ');
  const events = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', certification.id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    events.map((e) => e.action),
    ['certification.created', 'certification.completed'],
  );
});

test('signature certification: its own sequence and symbol, one copy, the fixed fee', async () => {
  const code = await receive('2.000884');
  const before = await counterOf('signature', new Date().getUTCFullYear());
  const certification = await certifyPaper({ ...form(code), actor: officer, paperTitle: 'Giấy ủy quyền' });
  assert.ok(certification.number.endsWith('/SCT/CK,ĐC'));
  assert.equal(certification.seq, (before ?? 0) + 1);
  assert.equal(certification.copies, 1);
  assert.equal(certification.fee_vnd, 10000);
});

test('authorisation and bad input: refused with a precise error, nothing written', async () => {
  const code = await receive('2.000815');
  const year = new Date().getUTCFullYear();
  const before = await counterOf('copy', year);
  await rejects(certifyPaper({ ...form(code), actor: receptionist }), 'FORBIDDEN');
  await rejects(certifyPaper({ ...form(code), actor: chairman.actor }), 'FORBIDDEN');
  await rejects(certifyPaper({ ...form(code), actor: stranger }), 'NOT_FOUND');
  await rejects(certifyPaper({ ...form('NO-SUCH-CODE'), actor: officer }), 'NOT_FOUND');
  const old = Buffer.from(minimalPdf().toString('latin1').replace('%PDF-1.4', '%PDF-1.3'), 'latin1');
  await rejects(certifyPaper({ ...form(code), actor: officer, original: old }), 'VALIDATION_FAILED');
  await rejects(
    certifyPaper({ ...form(code), actor: officer, original: Buffer.from('hello') }),
    'UNSUPPORTED_MEDIA_TYPE',
  );
  const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
  await rejects(certifyPaper({ ...form(code), actor: officer, original: empty }), 'VALIDATION_FAILED');
  const garbage = Buffer.from('%PDF-1.7\nthis is not a PDF body\n%%EOF\n', 'latin1');
  await rejects(certifyPaper({ ...form(code), actor: officer, original: garbage }), 'VALIDATION_FAILED');
  await rejects(certifyPaper({ ...form(code), actor: officer, original: JPEG }), 'VALIDATION_FAILED');
  await rejects(certifyPaper({ ...form(code), actor: officer, original: minimalPng() }), 'VALIDATION_FAILED');
  await rejects(certifyPaper({ ...form(code), actor: officer, copies: 0 }), 'VALIDATION_FAILED');
  await rejects(certifyPaper({ ...form(code), actor: officer, paperTitle: ' ' }), 'VALIDATION_FAILED');
  await rejects(
    certifyPaper({ ...form(code), actor: officer, signerStaffId: clerk.id }),
    'VALIDATION_FAILED',
  );
  const other = await base.receiveThroughApi((await base.staffWithToken('receptionist')).token);
  await rejects(certifyPaper({ ...form(other.code), actor: officer }), 'INVALID_STATE');
  assert.equal(await counterOf('copy', year), before);
  assert.equal((await findDossierByCode(db, code))?.status, 2);
  // The register: staff of the commune read it, a stranger does not.
  await rejects(
    listCertificationRegister({ db, actor: stranger, unitId: commune.id, kind: 'copy', month: '2026-12' }),
    'FORBIDDEN',
  );
});

test('a dossier received at the commune’s one-stop centre is certified by the commune', async () => {
  const centre = await makeUnit(db, { parent: commune, kind: 'service-centre' });
  const centreDesk = await actorFor('receptionist', centre);
  const code = await receiveCertificationDossier(db, blobStore, centreDesk, centre);
  const certification = await certifyPaper({ ...form(code), actor: officer });
  assert.equal(certification.unit_id, commune.id);
  await rejects(certifyPaper({ ...form(code), actor: centreDesk }), 'FORBIDDEN');
});

test('a returned request voids its number; the paper certified again completes the dossier', async () => {
  const code = await receive('2.000815');
  const first = await certifyPaper({ ...form(code), actor: officer });
  await returnSignatureRequest({
    db,
    actor: chairman.actor,
    requestId: null,
    signatureRequestId: first.signature_request_id,
    reason: 'Bản quét bị mờ',
  });
  const second = await certifyPaper({ ...form(code), actor: officer, original: colourScan() });
  assert.equal(second.seq, first.seq + 1);
  await signAndSeal(db, blobStore, {
    kek,
    chairman,
    clerk,
    requestId: second.signature_request_id,
    publicUrl: 'https://xaso.example.vn',
    tick,
  });
  assert.equal((await findDossierByCode(db, code))?.status, 9);
  const register = await listCertificationRegister({
    db,
    actor: officer,
    unitId: commune.id,
    kind: 'copy',
    month: second.certified_at.toISOString().slice(0, 7),
  });
  const states = register.entries
    .filter((e) => e.dossier_id === first.dossier_id)
    .map((e) => [e.number, e.state, e.request_state]);
  assert.deepEqual(states, [
    [first.number, 'awaiting_signature', 'returned'],
    [second.number, 'completed', 'completed'],
  ]);
});
