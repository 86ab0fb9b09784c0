// The dossier processing state machine (issue 7 §1): every legal status change from every status it may
// start from, illegal ones refused with INVALID_STATE and nothing written, guards, and the whole path from
// reception to the returned result with its BM.05 rows and outcome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listStatusEvents } from '../../src/modules/dossiers/dossier.repository.ts';
import type { DossierStatus } from '../../src/modules/dossiers/dossier-status.ts';
import { receiveDossier } from '../../src/modules/dossiers/receive-dossier.ts';
import type { StaffActor } from '../../src/modules/identity/actor.ts';
import { FormPdf } from '../../src/modules/receipts/form-pdf.ts';
import { approveResult } from '../../src/modules/workflow/approve-result.ts';
import { claimDossier } from '../../src/modules/workflow/claim-dossier.ts';
import { commentOnDossier } from '../../src/modules/workflow/comment-on-dossier.ts';
import { extendDeadline } from '../../src/modules/workflow/extend-deadline.ts';
import { handOverDossier } from '../../src/modules/workflow/hand-over-dossier.ts';
import { listWorkQueue } from '../../src/modules/workflow/list-work-queue.ts';
import { loadDossierWork } from '../../src/modules/workflow/load-dossier-work.ts';
import { markProcessed } from '../../src/modules/workflow/mark-processed.ts';
import { recordPayment } from '../../src/modules/workflow/record-payment.ts';
import { referDossier } from '../../src/modules/workflow/refer-dossier.ts';
import { refuseDossier } from '../../src/modules/workflow/refuse-dossier.ts';
import { requestPayment } from '../../src/modules/workflow/request-payment.ts';
import { requestSupplement } from '../../src/modules/workflow/request-supplement.ts';
import { returnResult } from '../../src/modules/workflow/return-result.ts';
import { startProcessing } from '../../src/modules/workflow/start-processing.ts';
import { stopProcessing } from '../../src/modules/workflow/stop-processing.ts';
import { supplyDossier } from '../../src/modules/workflow/supply-dossier.ts';
import { uploadResult } from '../../src/modules/workflow/upload-result.ts';
import { withdrawDossier } from '../../src/modules/workflow/withdraw-dossier.ts';
import { listHandovers, listWorkEvents } from '../../src/modules/workflow/workflow.repository.ts';
import { WORKFLOW_ACTIONS, type WorkflowActionName } from '../../src/modules/workflow/workflow-actions.ts';
import { makeUnit } from '../helpers/factories.ts';
import { applicantJson, minimalPdf, PROCEDURE_CODE } from '../http/dossier-setup.ts';
import { setUpWorkflowTests } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const otherProvince = await makeUnit(w.db);
const { actors, blobStore, common, db } = w;

/** An actor holding every role at the commune: only the state decides in these tests. */
const everyone: StaffActor = {
  ...actors.receptionist,
  roles: [actors.receptionist, actors.specialist, actors.leader].flatMap((a) => a.roles),
};

const STATUS_CHANGES: Partial<Record<WorkflowActionName, (code: string) => Promise<unknown>>> = {
  start: (code) => startProcessing({ ...common(code), actor: everyone }),
  requestSupplement: (code) =>
    requestSupplement({ ...common(code), actor: everyone, items: 'Tờ khai', reason: 'Thiếu' }),
  supply: (code) => supplyDossier({ ...common(code), actor: everyone, blobStore }),
  refuse: (code) => refuseDossier({ ...common(code), actor: everyone, reasons: 'Không đủ điều kiện' }),
  withdraw: (code) => withdrawDossier({ ...common(code), actor: everyone }),
  stop: (code) => stopProcessing({ ...common(code), actor: everyone, reasons: 'Dừng' }),
  requestPayment: (code) => requestPayment({ ...common(code), actor: everyone, amountVnd: 1000 }),
  recordPayment: (code) => recordPayment({ ...common(code), actor: everyone }),
  markProcessed: async (code) => {
    if (!(await loadDossierWork({ db, actor: everyone, code })).workflow.approved_at) {
      await uploadResult({ ...common(code), actor: everyone, blobStore, pdf: minimalPdf() });
      await approveResult({ ...common(code), actor: everyone });
    }
    return markProcessed({ ...common(code), actor: everyone });
  },
  returnResult: (code) => returnResult({ ...common(code), actor: everyone, receivedBy: 'Người nhận' }),
  refer: (code) =>
    referDossier({
      ...common(code),
      actor: everyone,
      authority: 'UBND tỉnh',
      address: 'Số 1',
      documents: 'Đơn',
    }),
};

const REACHABLE: readonly DossierStatus[] = [2, 4, 5, 6, 9];

async function dossierInAny(status: DossierStatus): Promise<string> {
  if (REACHABLE.includes(status)) {
    return w.dossierIn(status);
  }
  const closing: Partial<Record<DossierStatus, WorkflowActionName>> = {
    3: 'refuse',
    7: 'withdraw',
    8: 'stop',
    10: 'returnResult',
  };
  const action = closing[status] as WorkflowActionName;
  const code = await w.dossierIn(status === 10 ? 9 : 4);
  await STATUS_CHANGES[action]?.(code);
  assert.equal(await w.statusOf(code), status);
  return code;
}

for (const [name, run] of Object.entries(STATUS_CHANGES) as [
  WorkflowActionName,
  (c: string) => Promise<unknown>,
][]) {
  const rule = WORKFLOW_ACTIONS[name];
  test(`${name}: ${rule.from.join(', ')} → ${rule.to}, and refused from every other status`, async () => {
    for (const from of rule.from) {
      const code = await dossierInAny(from);
      await run(code);
      assert.equal(await w.statusOf(code), rule.to, `${name} from ${from}`);
      const timeline = await listStatusEvents(
        db,
        (await loadDossierWork({ db, actor: everyone, code })).dossier.id,
      );
      assert.equal(timeline.at(-1)?.status, rule.to);
    }
    for (const from of [2, 3, 4, 5, 6, 7, 8, 9, 10] as DossierStatus[]) {
      if ((rule.from as readonly number[]).includes(from)) {
        continue;
      }
      const code = await dossierInAny(from);
      await assert.rejects(run(code), { code: 'INVALID_STATE' }, `${name} from ${from}`);
      assert.equal(await w.statusOf(code), from);
    }
  });
}

test('guards: approve needs a result, processed needs approval, one extension only', async () => {
  const code = await w.dossierIn(4);
  await assert.rejects(approveResult({ ...common(code), actor: actors.leader }), { code: 'INVALID_STATE' });
  await assert.rejects(markProcessed({ ...common(code), actor: actors.specialist }), {
    code: 'INVALID_STATE',
  });
  await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: minimalPdf() });
  await approveResult({ ...common(code), actor: actors.leader });
  await assert.rejects(approveResult({ ...common(code), actor: actors.leader }), { code: 'INVALID_STATE' });
  // a new upload clears the approval
  await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: minimalPdf() });
  await assert.rejects(markProcessed({ ...common(code), actor: actors.specialist }), {
    code: 'INVALID_STATE',
  });
  await extendDeadline({ ...common(code), actor: actors.leader, days: 1, reason: 'Xác minh' });
  await assert.rejects(
    extendDeadline({ ...common(code), actor: actors.leader, days: 1, reason: 'Lần hai' }),
    {
      code: 'INVALID_STATE',
    },
  );
});

test('bad input is a precise VALIDATION_FAILED and writes nothing', async () => {
  const code = await w.dossierIn(4);
  const cases: [() => Promise<unknown>, string][] = [
    [() => commentOnDossier({ ...common(code), actor: actors.leader, text: '  ' }), 'text'],
    [() => requestSupplement({ ...common(code), actor: actors.specialist, items: '', reason: 'x' }), 'items'],
    [() => refuseDossier({ ...common(code), actor: actors.specialist, reasons: '' }), 'reasons'],
    [() => requestPayment({ ...common(code), actor: actors.specialist, amountVnd: -5 }), 'amountVnd'],
    [() => extendDeadline({ ...common(code), actor: actors.leader, days: 6, reason: 'x' }), 'days'],
    [() => uploadResult({ ...common(code), actor: actors.specialist, blobStore }), 'result'],
    [() => handOverDossier({ ...common(code), actor: actors.specialist, toStep: 99 }), 'toStep'],
    [
      () => handOverDossier({ ...common(code), actor: actors.specialist, toUnitId: otherProvince.id }),
      'toUnitId',
    ],
  ];
  for (const [run, field] of cases) {
    await assert.rejects(run(), (error: { code: string; fields?: Record<string, string> }) => {
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.ok(error.fields?.[field], `field ${field}`);
      return true;
    });
  }
  assert.equal(await w.statusOf(code), 4);
  await assert.rejects(
    uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: new Uint8Array([1, 2, 3, 4]) }),
    { code: 'UNSUPPORTED_MEDIA_TYPE' },
  );
});

// Mon 07/12/2026 08:00 in Vietnam (UTC+7); default office hours 07:00–11:30, 13:30–17:00.
const vn = (iso: string) => new Date(`${iso}+07:00`);

test('the whole path: BM.05 rows with given/received times and early / on time / late, outcome, return', async () => {
  const code = await w.receive(vn('2026-12-07T08:00:00'));
  // step 0 (reception, 2 working hours from 08:00 → due 10:00): handed over at 09:30, same day → on time
  await handOverDossier({
    ...common(code),
    actor: actors.receptionist,
    now: vn('2026-12-07T09:30:00'),
    note: 'Đủ giấy tờ',
  });
  await claimDossier({ ...common(code), actor: actors.specialist, now: vn('2026-12-07T10:00:00') });
  await startProcessing({ ...common(code), actor: actors.specialist, now: vn('2026-12-07T10:05:00') });
  // step 1 (8 working hours from 10:00 Mon → due Tue 10:00): handed to the leader Tue 11:00 → late
  await handOverDossier({ ...common(code), actor: actors.specialist, now: vn('2026-12-08T11:00:00') });
  await uploadResult({
    ...common(code),
    actor: actors.specialist,
    blobStore,
    pdf: minimalPdf(),
    now: vn('2026-12-08T11:01:00'),
  });
  await claimDossier({ ...common(code), actor: actors.leader, now: vn('2026-12-08T13:30:00') });
  await approveResult({ ...common(code), actor: actors.leader, now: vn('2026-12-08T14:00:00') });
  const processed = await markProcessed({
    ...common(code),
    actor: actors.leader,
    now: vn('2026-12-08T14:10:00'),
  });
  // due Mon 14/12 08:00; finished Tue 08/12 → early
  assert.deepEqual(processed.result, { outcome: 'early' });
  await returnResult({
    ...common(code),
    actor: actors.receptionist,
    receivedBy: 'Trần Thị Nộp',
    now: vn('2026-12-09T08:00:00'),
  });
  const work = await loadDossierWork({ db, actor: actors.receptionist, code });
  assert.equal(work.dossier.status, 10);
  assert.equal(work.workflow.returned_to, 'Trần Thị Nộp');
  assert.equal(work.workflow.finished_at?.toISOString(), '2026-12-08T07:10:00.000Z');
  const rows = await listHandovers(db, work.dossier.id);
  assert.deepEqual(
    rows.map((r) => [r.seq, r.from_step, r.to_step, r.result, r.to_role, r.received_by_name]),
    [
      [1, 0, 1, 'on_time', 'specialist', 'Cán bộ specialist'],
      [2, 1, 2, 'late', 'leader', 'Cán bộ leader'],
    ],
  );
  assert.equal(rows[0]?.step_due_at?.toISOString(), '2026-12-07T03:00:00.000Z');
  assert.equal(rows[0]?.received_at?.toISOString(), '2026-12-07T03:00:00.000Z');
  assert.equal(rows[1]?.step_due_at?.toISOString(), '2026-12-08T03:00:00.000Z');
  assert.equal(rows[1]?.given_at.toISOString(), '2026-12-08T04:00:00.000Z');
  const history = await listWorkEvents(db, work.dossier.id);
  assert.deepEqual(
    history.map((e) => e.action),
    [
      'handOver',
      'claim',
      'start',
      'handOver',
      'uploadResult',
      'claim',
      'approve',
      'markProcessed',
      'returnResult',
    ],
  );
});

test('the first action of the person or role handed to is the BM.05 receipt, claim or not', async () => {
  const code = await w.dossierIn(4);
  await handOverDossier({ ...common(code), actor: actors.specialist, toStep: 2 });
  // a comment by someone outside the leaders' queue does not receive it
  await commentOnDossier({ ...common(code), actor: actors.receptionist, text: 'Nhắc' });
  const id = (await loadDossierWork({ db, actor: actors.leader, code })).dossier.id;
  assert.equal((await listHandovers(db, id)).at(-1)?.received_at, null);
  await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: minimalPdf() });
  await approveResult({ ...common(code), actor: actors.leader });
  const row = (await listHandovers(db, id)).at(-1);
  assert.equal(row?.received_by_name, 'Cán bộ leader');
  assert.ok(row?.received_at);
});

test('hand-over to another unit: its staff see the dossier in their queue and take it; BM.05 names both units', async () => {
  const department = await makeUnit(db, { parent: w.province, kind: 'department' });
  const expert = await w.actorFor('specialist', department);
  const code = await w.dossierIn(4);
  await assert.rejects(loadDossierWork({ db, actor: expert, code }), { code: 'NOT_FOUND' });
  await handOverDossier({
    ...common(code),
    actor: actors.specialist,
    toStep: 1,
    toUnitId: department.id,
    note: 'Xin ý kiến',
  });
  const queue = await listWorkQueue({ db, actor: expert });
  assert.deepEqual(
    queue.filter((i) => i.code === code).map((i) => i.reason),
    ['queue'],
  );
  await claimDossier({ ...common(code), actor: expert });
  const work = await loadDossierWork({ db, actor: expert, code });
  assert.equal(work.workflow.holder_unit_id, department.id);
  assert.equal(work.workflow.assignee_staff_id, expert.staffId);
  const row = (await listHandovers(db, work.dossier.id)).at(-1);
  assert.equal(row?.from_unit_id, w.commune.id);
  assert.equal(row?.to_unit_id, department.id);
  assert.equal(row?.received_by_name, 'Cán bộ specialist');
});

test('deadlines: the supplement pause and the extension move due_at (hand-computed)', async () => {
  const code = await w.receive(vn('2026-12-07T08:00:00'));
  // 5 working days of 8 h from Mon 08:00: Mon 7 h, Tue–Thu 24 h, Fri 8 h = 39 h, then 1 h on Mon 14/12 → 08:00
  let work = await loadDossierWork({ db, actor: actors.receptionist, code });
  assert.equal(work.dossier.due_at?.toISOString(), vn('2026-12-14T08:00:00').toISOString());
  await startProcessing({ ...common(code), actor: actors.specialist, now: vn('2026-12-07T09:00:00') });
  await requestSupplement({
    ...common(code),
    actor: actors.specialist,
    items: ['Bản sao giấy khai sinh', 'Ảnh 3x4'],
    reason: 'Hồ sơ thiếu giấy tờ',
    now: vn('2026-12-08T09:00:00'),
  });
  // the pause Tue 09:00 → Thu 09:00 holds 6 + 8 + 2 = 16 working hours: due Mon 08:00 + 16 h = Wed 16/12 08:00
  const supplied = await supplyDossier({
    ...common(code),
    actor: actors.receptionist,
    blobStore,
    now: vn('2026-12-10T09:00:00'),
  });
  assert.equal(supplied.result?.dueAt.toISOString(), vn('2026-12-16T08:00:00').toISOString());
  work = await loadDossierWork({ db, actor: actors.receptionist, code });
  assert.equal(work.dossier.status, 4);
  assert.equal(work.dossier.due_at?.toISOString(), vn('2026-12-16T08:00:00').toISOString());
  assert.match(work.dossier.derivation_vi ?? '', /tạm dừng|dừng/i);
  // one extension of 2 working days: Wed 16/12 08:00 + 16 h = Fri 18/12 08:00
  const extended = await extendDeadline({
    ...common(code),
    actor: actors.leader,
    days: 2,
    reason: 'Cần xác minh thêm',
    now: vn('2026-12-11T10:00:00'),
  });
  assert.equal(extended.result?.dueAt.toISOString(), vn('2026-12-18T08:00:00').toISOString());
  assert.equal(extended.result?.previousDueAt?.toISOString(), vn('2026-12-16T08:00:00').toISOString());
  work = await loadDossierWork({ db, actor: actors.receptionist, code });
  assert.equal(work.dossier.due_at?.toISOString(), vn('2026-12-18T08:00:00').toISOString());
  assert.equal(work.workflow.statutory_due_at?.toISOString(), vn('2026-12-16T08:00:00').toISOString());
  // finished within the extension but after the statutory date: late (issue 7 §5)
  await uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: minimalPdf() });
  await approveResult({ ...common(code), actor: actors.leader });
  const processed = await markProcessed({
    ...common(code),
    actor: actors.leader,
    now: vn('2026-12-17T10:00:00'),
  });
  assert.deepEqual(processed.result, { outcome: 'late' });
});

test('the clock does not stop for a procedure that does not allow it: due_at stays', async () => {
  const received = await receiveDossier({
    db,
    blobStore,
    actor: actors.receptionist,
    requestId: null,
    unitId: w.commune.id,
    procedureCode: PROCEDURE_CODE,
    channel: 'counter',
    applicant: applicantJson(),
    documents: [{ index: 0, files: [] }],
    now: vn('2026-12-07T08:00:00'),
  });
  // TEST.DOSSIER: 2 working days, isClockStoppable false → due Wed 09/12 08:00 whatever the pause
  assert.equal(received.dueAt?.toISOString(), vn('2026-12-09T08:00:00').toISOString());
  const code = received.code;
  await startProcessing({ ...common(code), actor: actors.specialist, now: vn('2026-12-07T08:30:00') });
  const asked = await requestSupplement({
    ...common(code),
    actor: actors.specialist,
    items: 'Tờ khai',
    reason: 'Thiếu',
    now: vn('2026-12-07T09:00:00'),
  });
  assert.deepEqual(asked.result && { isClockStopped: asked.result.isClockStopped }, {
    isClockStopped: false,
  });
  const supplied = await supplyDossier({
    ...common(code),
    actor: actors.receptionist,
    blobStore,
    now: vn('2026-12-08T09:00:00'),
  });
  assert.equal(supplied.result?.dueAt.toISOString(), vn('2026-12-09T08:00:00').toISOString());
});

test('BM.05 table cells keep their line breaks ("Giao: …" and "Nhận: …" on lines of their own) and still wrap', async () => {
  const pdf = await FormPdf.create({ title: 'BM.05', subject: 'x', date: new Date(), idSeed: 'bm05' });
  assert.deepEqual(pdf.wrap('Giao: 08 giờ 00 phút\nNhận: 09 giờ 30 phút', 400), [
    'Giao: 08 giờ 00 phút',
    'Nhận: 09 giờ 30 phút',
  ]);
  const narrow = pdf.wrap(
    'Giao: Cán bộ tiếp nhận (Trung tâm Phục vụ hành chính công)\nNhận: (chưa nhận)',
    90,
  );
  assert.ok(narrow.length > 3, 'a long line still wraps inside the cell');
  assert.equal(narrow.at(-1), 'nhận)');
  assert.ok(
    narrow.some((line) => line.startsWith('Nhận:')),
    'the second part starts a line of its own',
  );
});
