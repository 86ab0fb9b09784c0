// Result signing (issue 7 §2): the leader's approval makes the result a signature request, the leader signs,
// the clerk seals and the completion hook marks the dossier processed in the sealing transaction; a failing
// hook rolls the seal back; the extension (BM.04) queues the citizen's 'late' message in its transaction.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readPdfLayout } from '../../src/lib/pdf/index.ts';
import { findDossierByCode } from '../../src/modules/dossiers/dossier.repository.ts';
import { returnSignatureRequest } from '../../src/modules/signature-requests/close-signature-request.ts';
import { findSignedPdf } from '../../src/modules/signature-requests/get-signed-pdf.ts';
import { findSignatureRequest } from '../../src/modules/signature-requests/signature-request.repository.ts';
import { onSignatureRequestCompleted } from '../../src/modules/signature-requests/signature-request-completion.ts';
import { approveResult } from '../../src/modules/workflow/approve-result.ts';
import { extendDeadline } from '../../src/modules/workflow/extend-deadline.ts';
import { registerResultSigning } from '../../src/modules/workflow/finish-signed-result.ts';
import { defaultResultTemplate, generateResult } from '../../src/modules/workflow/generate-result.ts';
import { loadDossierWork } from '../../src/modules/workflow/load-dossier-work.ts';
import { markProcessed } from '../../src/modules/workflow/mark-processed.ts';
import { drawResultNumbers, takeResultNumber } from '../../src/modules/workflow/number-result.ts';
import { RESULT_SUBJECT } from '../../src/modules/workflow/result-signing.ts';
import { stopProcessing } from '../../src/modules/workflow/stop-processing.ts';
import { uploadResult } from '../../src/modules/workflow/upload-result.ts';
import { findWorkflow } from '../../src/modules/workflow/workflow.repository.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { requireTool } from '../helpers/tools.ts';
import { setUpResultSigning } from './result-signing-setup.ts';

const r = await setUpResultSigning();
const { w, signer, sealer, approvedForSigning, sign, seal } = r;
const { actors, blobStore, common, db } = w;
registerResultSigning(); // a second registration is a no-op: the hook runs once

/** A result signed by the leader whose seal a failing later hook rolls back (it still awaits the seal). */
async function signedThenSealFails(): Promise<{ code: string; requestId: string }> {
  const approved = await approvedForSigning();
  await sign(approved.requestId);
  const remove = onSignatureRequestCompleted(RESULT_SUBJECT, async () => {
    throw new Error('archive unavailable');
  });
  try {
    await assert.rejects(seal(approved.requestId), /archive unavailable/);
  } finally {
    remove();
  }
  return approved;
}

test('approve → the approving leader signs → the seal marks the dossier processed in the same transaction', async () => {
  const { code, requestId } = await approvedForSigning();
  const request = await findSignatureRequest(db, requestId);
  assert.equal(request?.subject_type, RESULT_SUBJECT);
  assert.equal(request?.subject_id, code);
  assert.equal(request?.signer_staff_id, signer.id);
  assert.equal(request?.needs_seal, true);
  // While it is being signed: no manual finish, no new upload, no second approval.
  await assert.rejects(markProcessed({ ...common(code), actor: actors.specialist }), {
    code: 'INVALID_STATE',
  });
  await assert.rejects(
    uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: await basePdf(1) }),
    { code: 'INVALID_STATE' },
  );
  await assert.rejects(approveResult({ ...common(code), actor: signer.actor, blobStore }), {
    code: 'INVALID_STATE',
  });

  await sign(requestId);
  assert.equal(await w.statusOf(code), 4);
  const sealed = await seal(requestId);
  assert.equal(sealed.requests[0]?.state, 'completed');
  assert.equal(await w.statusOf(code), 9);
  const dossier = await findDossierByCode(db, code);
  assert.ok(dossier);
  const workflow = await findWorkflow(db, dossier.id);
  assert.ok(workflow?.finished_at);
  assert.equal(workflow?.outcome, 'early');
  const processed = await db
    .selectFrom('audit_events')
    .select(['actor_id', 'action'])
    .where('subject_id', '=', dossier.id)
    .where('action', '=', 'workflow.processed')
    .execute();
  assert.deepEqual(processed, [{ actor_id: sealer.id, action: 'workflow.processed' }]);
  const signed = await findSignedPdf({ db, blobStore, subjectType: RESULT_SUBJECT, subjectId: code });
  assert.ok(signed);
  // The citizen hears "result ready" from the sealing transaction (the status change's own message).
  const ready = await db
    .selectFrom('notification_outbox')
    .select('kind')
    .where('dossier_id', '=', dossier.id)
    .where('kind', '=', 'result_ready')
    .execute();
  assert.ok(ready.length > 0);
  const fields = readPdfLayout(signed.pdf).signatureFields;
  assert.deepEqual(
    fields.map((f) => f.isSigned),
    [true, true],
  );
});

test('a hook that fails rolls the seal back: the request still awaits the seal, the dossier stays in 4', async () => {
  const { code, requestId } = await approvedForSigning();
  await sign(requestId);
  // The dossier was stopped meanwhile: markProcessed refuses (INVALID_STATE), the seal is not kept.
  await stopProcessing({ ...common(code), actor: actors.leader, reasons: 'Công dân đề nghị dừng' });
  await assert.rejects(seal(requestId), { code: 'INVALID_STATE' });
  // (The use of the seal key itself is logged by the signing service; the request's step is not.)
  const sealedEvents = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', requestId)
    .where('action', '=', 'signature_request.sealed')
    .execute();
  assert.deepEqual(sealedEvents, []);
  const request = await findSignatureRequest(db, requestId);
  assert.equal(request?.state, 'awaiting_seal');
  assert.equal(request?.sealed_at, null);
  assert.equal(await w.statusOf(code), 8);

  // A later handler failing after markProcessed undoes markProcessed and the seal together.
  const other = await signedThenSealFails();
  assert.equal(await w.statusOf(other.code), 4);
  assert.equal((await findSignatureRequest(db, other.requestId))?.state, 'awaiting_seal');
  await seal(other.requestId);
  assert.equal(await w.statusOf(other.code), 9);
});

test('a returned request may be approved again (a new request); without certificates the approval stands alone', async () => {
  const { code, requestId } = await approvedForSigning();
  await returnSignatureRequest({
    db,
    actor: signer.actor,
    requestId: null,
    signatureRequestId: requestId,
    reason: 'Sai số quyết định',
  });
  // The specialist may replace the result, and the leader approves it again.
  await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: await basePdf(1) });
  const again = await approveResult({ ...common(code), actor: signer.actor, blobStore });
  assert.ok(again.result?.signatureRequestId);
  assert.notEqual(again.result?.signatureRequestId, requestId);

  // A leader without a certificate approves; the unit's certified leader is the signer.
  const code2 = await w.dossierIn(4);
  await uploadResult({ ...common(code2), actor: actors.specialist, blobStore, pdf: await basePdf(1) });
  const byOther = await approveResult({ ...common(code2), actor: actors.leader, blobStore });
  const request2 = await findSignatureRequest(db, byOther.result?.signatureRequestId ?? '');
  assert.equal(request2?.signer_staff_id, signer.id);
});

test('the extension (BM.04) queues the citizen’s "late" message with the new due date, in its transaction', async () => {
  const code = await w.dossierIn(4);
  const dossier = await findDossierByCode(db, code);
  assert.ok(dossier);
  const extended = await extendDeadline({
    ...common(code),
    actor: actors.leader,
    days: 2,
    reason: 'Cần xác minh',
  });
  const rows = await db
    .selectFrom('notification_outbox')
    .select(['kind', 'payload'])
    .where('dossier_id', '=', dossier.id)
    .where('kind', '=', 'late')
    .execute();
  assert.ok(rows.length > 0, 'a late message is queued');
  for (const row of rows) {
    const payload = row.payload as { newDueAt?: string };
    assert.equal(payload.newDueAt, extended.result?.dueAt.toISOString());
  }
  // Refused (a second extension): nothing more is queued.
  await assert.rejects(
    extendDeadline({ ...common(code), actor: actors.leader, days: 1, reason: 'Lần hai' }),
    {
      code: 'INVALID_STATE',
    },
  );
  const count = await db
    .selectFrom('notification_outbox')
    .select(db.fn.countAll<string>().as('n'))
    .where('dossier_id', '=', dossier.id)
    .where('kind', '=', 'late')
    .executeTakeFirst();
  assert.equal(Number(count?.n), rows.length);
});

test('a result drafted from the template: placeholders filled, Decree 30 layout, the signature fields in its block', async (t) => {
  const code = await w.dossierIn(4);
  const draft = { ...common(code), actor: actors.specialist, blobStore };
  await assert.rejects(generateResult({ ...draft, title: 'Giấy xác nhận', body: '' }), {
    code: 'VALIDATION_FAILED',
  });
  await assert.rejects(generateResult({ ...draft, title: 'Giấy xác nhận', body: 'Cấp cho {ten_sai}.' }), {
    code: 'VALIDATION_FAILED',
    fields: { body: 'placeholder' },
  });
  const work = await loadDossierWork({ db, actor: actors.specialist, code });
  const template = defaultResultTemplate(work);
  await generateResult({ ...draft, ...template });
  const stored = (await loadDossierWork({ db, actor: actors.specialist, code })).workflow;
  const pdf = stored.result_sha256 ? await blobStore.get(stored.result_sha256) : undefined;
  assert.ok(pdf);
  const fields = readPdfLayout(pdf).signatureFields;
  assert.deepEqual(
    fields.map((f) => [f.name, f.isSigned]),
    [
      ['Leader', false],
      ['Seal', false],
    ],
  );
  if (requireTool(t, 'pdftotext', 'poppler-utils')) {
    const file = join(w.dataDir, `${code}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Trần Thị Nộp/);
    assert.match(text, new RegExp(code));
    assert.match(text, /TM\. /);
    assert.doesNotMatch(text, /\{ho_ten\}/);
  }
  // Approval keeps the fields drawn in the signature block; the seal completes processing.
  const approved = await approveResult({ ...common(code), actor: signer.actor, blobStore });
  const requestId = approved.result?.signatureRequestId ?? '';
  const request = await findSignatureRequest(db, requestId);
  const leaderField = fields.find((f) => f.name === 'Leader');
  assert.equal(request?.placement.leader.x, leaderField?.rect[0]);
  await sign(requestId);
  await seal(requestId);
  assert.equal(await w.statusOf(code), 9);
});

const registerOf = (requestId: string) =>
  db
    .selectFrom('result_register')
    .selectAll()
    .where('signature_request_id', '=', requestId)
    .executeTakeFirst();

test('the clerk’s number (Decree 30): drawn on the seal, registered in the sealing transaction, gapless per unit and year', async () => {
  const first = await r.sealedDossier();
  const entry = await registerOf(first.requestId);
  assert.ok(entry);
  assert.match(entry.notation, /^\d{2,}\/([A-ZĐ]+-)?UBND$/);
  assert.equal(entry.dossier_code, first.code);
  assert.equal(entry.numbered_by, sealer.id);

  // A seal rolled back by a failing hook gives its number back: the next seal takes it.
  const failing = await signedThenSealFails();
  assert.equal(await registerOf(failing.requestId), undefined);
  // The number drawn for the seal is the one registered.
  const request = await findSignatureRequest(db, failing.requestId);
  assert.ok(request);
  const drawn = await drawResultNumbers(db, [request], new Date());
  assert.deepEqual(drawn.get(failing.requestId), [
    `Số: ${String(entry.seq + 1).padStart(2, '0')}${entry.notation.slice(entry.notation.indexOf('/'))}`,
  ]);
  await seal(failing.requestId);
  assert.equal((await registerOf(failing.requestId))?.seq, entry.seq + 1);

  // Another seal took the number drawn meanwhile: CONFLICT, nothing registered.
  const late = await approvedForSigning();
  await sign(late.requestId);
  const lateRequest = await findSignatureRequest(db, late.requestId);
  assert.ok(lateRequest);
  await drawResultNumbers(db, [lateRequest], new Date());
  await r.sealedDossier();
  await assert.rejects(
    db.transaction().execute((trx) => takeResultNumber(trx, lateRequest, sealer.actor, new Date())),
    { code: 'CONFLICT' },
  );
  assert.equal(await registerOf(late.requestId), undefined);
  await seal(late.requestId);
  assert.equal((await registerOf(late.requestId))?.seq, entry.seq + 3);
});

test('a result completed without the seal takes no number: processed, no register entry, the next seal gets the next number', async () => {
  const before = await r.sealedDossier();
  const last = await registerOf(before.requestId);
  assert.ok(last);
  // A result request that needs no seal (the signature-request module allows it for any subject): the
  // leader's signature completes it and the completion hook finishes the dossier.
  const unsealed = await approvedForSigning();
  await db
    .updateTable('signature_requests')
    .set({ needs_seal: false })
    .where('id', '=', unsealed.requestId)
    .execute();
  const signed = await sign(unsealed.requestId);
  assert.equal(signed.requests[0]?.state, 'completed');
  assert.equal(await w.statusOf(unsealed.code), 9, 'processing finished');
  assert.equal(await registerOf(unsealed.requestId), undefined, 'no register entry');
  const counter = await db
    .selectFrom('result_number_counters')
    .select('last_seq')
    .where('unit_id', '=', last.unit_id)
    .where('year', '=', last.year)
    .executeTakeFirstOrThrow();
  assert.equal(counter.last_seq, last.seq, 'no number taken');
  // The next sealed result takes the next number: no gap for the unsealed one.
  const next = await r.sealedDossier();
  assert.equal((await registerOf(next.requestId))?.seq, last.seq + 1);
});
