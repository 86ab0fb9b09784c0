// One authorisation test per workflow action (issue 7 "Done when"; shared/STYLE.md): denied without the
// right (FORBIDDEN, or NOT_FOUND for staff who may not even see the dossier) and nothing written; allowed
// with it. The table is typed over every action, so a new action without its test fails to compile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DossierStatus } from '../../src/modules/dossiers/dossier-status.ts';
import { importDossierHistory } from '../../src/modules/dossiers/import-dossier-history.ts';
import type { StaffActor } from '../../src/modules/identity/actor.ts';
import { approveResult } from '../../src/modules/workflow/approve-result.ts';
import { assignDossier } from '../../src/modules/workflow/assign-dossier.ts';
import { claimDossier } from '../../src/modules/workflow/claim-dossier.ts';
import { commentOnDossier } from '../../src/modules/workflow/comment-on-dossier.ts';
import { extendDeadline } from '../../src/modules/workflow/extend-deadline.ts';
import { generateResult } from '../../src/modules/workflow/generate-result.ts';
import { handOverDossier } from '../../src/modules/workflow/hand-over-dossier.ts';
import { availableActions, loadDossierWork } from '../../src/modules/workflow/load-dossier-work.ts';
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
import { WORKFLOW_ACTIONS, type WorkflowActionName } from '../../src/modules/workflow/workflow-actions.ts';
import { applicantJson, minimalPdf } from '../http/dossier-setup.ts';
import { setUpWorkflowTests, WORKFLOW_PROCEDURE } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const { actors, blobStore, common, db } = w;
type ActorName = keyof typeof actors;

interface Case {
  readonly status: DossierStatus;
  readonly prepare?: (code: string) => Promise<unknown>;
  readonly allowed: ActorName;
  readonly denied: ActorName;
  readonly deniedWith: 'FORBIDDEN' | 'NOT_FOUND';
  readonly run: (actor: StaffActor, code: string) => Promise<unknown>;
}

const upload = (code: string) =>
  uploadResult({ ...common(code), actor: actors.specialist, blobStore, pdf: minimalPdf() });

const CASES = {
  assign: {
    status: 2,
    allowed: 'receptionist',
    denied: 'auditor',
    deniedWith: 'NOT_FOUND',
    run: (actor, code) => assignDossier({ ...common(code), actor, staffId: actors.specialist.staffId }),
  },
  handOver: {
    status: 2,
    allowed: 'receptionist',
    denied: 'auditor',
    deniedWith: 'NOT_FOUND',
    run: (actor, code) => handOverDossier({ ...common(code), actor }),
  },
  claim: {
    status: 2,
    prepare: (code) => handOverDossier({ ...common(code), actor: actors.receptionist }),
    allowed: 'specialist',
    denied: 'auditor',
    deniedWith: 'NOT_FOUND',
    run: (actor, code) => claimDossier({ ...common(code), actor }),
  },
  start: {
    status: 2,
    allowed: 'specialist',
    denied: 'receptionist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => startProcessing({ ...common(code), actor }),
  },
  comment: {
    status: 4,
    allowed: 'leader',
    denied: 'auditor',
    deniedWith: 'NOT_FOUND',
    run: (actor, code) => commentOnDossier({ ...common(code), actor, text: 'Đã xem' }),
  },
  requestSupplement: {
    status: 4,
    allowed: 'specialist',
    denied: 'leader',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) =>
      requestSupplement({ ...common(code), actor, items: 'Bản sao sổ hộ khẩu', reason: 'Thiếu' }),
  },
  supply: {
    status: 5,
    allowed: 'receptionist',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => supplyDossier({ ...common(code), actor, blobStore }),
  },
  refuse: {
    status: 4,
    allowed: 'specialist',
    denied: 'receptionist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => refuseDossier({ ...common(code), actor, reasons: 'Không đủ điều kiện' }),
  },
  withdraw: {
    status: 4,
    allowed: 'receptionist',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => withdrawDossier({ ...common(code), actor, reason: 'Đơn xin rút' }),
  },
  stop: {
    status: 4,
    allowed: 'leader',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => stopProcessing({ ...common(code), actor, reasons: 'Tranh chấp' }),
  },
  requestPayment: {
    status: 4,
    allowed: 'specialist',
    denied: 'receptionist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => requestPayment({ ...common(code), actor, amountVnd: 100000 }),
  },
  recordPayment: {
    status: 6,
    allowed: 'receptionist',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => recordPayment({ ...common(code), actor }),
  },
  uploadResult: {
    status: 4,
    allowed: 'specialist',
    denied: 'leader',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => uploadResult({ ...common(code), actor, blobStore, pdf: minimalPdf() }),
  },
  generateResult: {
    status: 4,
    allowed: 'specialist',
    denied: 'leader',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) =>
      generateResult({
        ...common(code),
        actor,
        blobStore,
        title: 'Giấy xác nhận',
        body: 'Xác nhận {ho_ten}.',
      }),
  },
  approve: {
    status: 4,
    prepare: upload,
    allowed: 'leader',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => approveResult({ ...common(code), actor }),
  },
  markProcessed: {
    status: 4,
    prepare: async (code) => {
      await upload(code);
      await approveResult({ ...common(code), actor: actors.leader });
    },
    allowed: 'specialist',
    denied: 'receptionist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => markProcessed({ ...common(code), actor }),
  },
  returnResult: {
    status: 9,
    allowed: 'receptionist',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => returnResult({ ...common(code), actor, receivedBy: 'Trần Thị Nộp' }),
  },
  refer: {
    status: 2,
    allowed: 'receptionist',
    denied: 'leader',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) =>
      referDossier({
        ...common(code),
        actor,
        authority: 'Sở Tư pháp tỉnh',
        address: 'Số 1 đường Lớn',
        documents: 'Tờ khai',
      }),
  },
  extend: {
    status: 4,
    allowed: 'leader',
    denied: 'specialist',
    deniedWith: 'FORBIDDEN',
    run: (actor, code) => extendDeadline({ ...common(code), actor, days: 2, reason: 'Cần xác minh' }),
  },
} as const satisfies Record<WorkflowActionName, Case>;

async function auditCount(): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const [name, c] of Object.entries(CASES) as [WorkflowActionName, Case][]) {
  test(`${name}: denied to ${c.denied} (${c.deniedWith}), allowed to ${c.allowed}`, async () => {
    const code = await w.dossierIn(c.status);
    await c.prepare?.(code);
    const before = await auditCount();
    await assert.rejects(c.run(actors[c.denied], code), { code: c.deniedWith });
    assert.equal(await auditCount(), before, 'a denied action writes nothing');
    assert.equal(await w.statusOf(code), c.status);
    await c.run(actors[c.allowed], code);
    assert.equal(await auditCount(), before + 1, 'one audit event per action');
    assert.equal(await w.statusOf(code), WORKFLOW_ACTIONS[name].to ?? c.status);
  });
}

test('staff of another commune cannot even see the dossier (NOT_FOUND), whatever their role', async () => {
  const code = await w.dossierIn(4);
  await upload(code);
  await assert.rejects(approveResult({ ...common(code), actor: actors.stranger }), { code: 'NOT_FOUND' });
});

test('claim: a colleague with rights but not in the queue handed to is refused (INVALID_STATE)', async () => {
  const code = await w.dossierIn(2);
  await handOverDossier({ ...common(code), actor: actors.receptionist });
  await assert.rejects(claimDossier({ ...common(code), actor: actors.leader }), { code: 'INVALID_STATE' });
});

test('supply online: a citizen other than the applicant cannot see the dossier; the applicant may supply, nothing else', async () => {
  const code = await w.dossierIn(5);
  const citizen = (personalIdentifier: string) => ({
    kind: 'citizen' as const,
    citizenId: '00000000-0000-4000-8000-000000000001',
    fullName: 'Công Dân',
    personalIdentifier,
    phone: null,
    email: null,
  });
  const file = [new Uint8Array(minimalPdf())];
  await assert.rejects(
    supplyDossier({ ...common(code), actor: citizen('001190099999'), blobStore, files: file }),
    { code: 'NOT_FOUND' },
  );
  const applicant = citizen('001190012345');
  await assert.rejects(commentOnDossier({ ...common(code), actor: applicant, text: 'x' }), {
    code: 'FORBIDDEN',
  });
  await supplyDossier({ ...common(code), actor: applicant, blobStore, files: file });
  assert.equal(await w.statusOf(code), 4);
});

test('the signing hook: a clerk finishes processing inside another module’s transaction; a rollback undoes it', async () => {
  const code = await w.dossierIn(4);
  await upload(code);
  await approveResult({ ...common(code), actor: actors.leader });
  const before = await auditCount();
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await markProcessed({ ...common(code), actor: actors.clerk, trx });
      throw new Error('sealing failed');
    }),
    /sealing failed/,
  );
  assert.equal(await w.statusOf(code), 4);
  assert.equal(await auditCount(), before);
  await db.transaction().execute((trx) => markProcessed({ ...common(code), actor: actors.clerk, trx }));
  assert.equal(await w.statusOf(code), 9);
  assert.equal(await auditCount(), before + 1);
});

test('handOver: a colleague with dossier rights who does not hold it is refused (FORBIDDEN); the unit leader may', async () => {
  const code = await w.dossierIn(2);
  // after intake the receiving officer holds it: a specialist of the commune may not pass it on
  const before = await auditCount();
  await assert.rejects(handOverDossier({ ...common(code), actor: actors.specialist }), {
    code: 'FORBIDDEN',
  });
  assert.equal(await auditCount(), before, 'a refused hand-over writes nothing');
  await handOverDossier({ ...common(code), actor: actors.leader });
  // now in the specialists' queue: the receptionist no longer holds it, a specialist does
  await assert.rejects(handOverDossier({ ...common(code), actor: actors.receptionist }), {
    code: 'FORBIDDEN',
  });
  await handOverDossier({ ...common(code), actor: actors.specialist });
  assert.equal(await auditCount(), before + 2);
});

test('handOver of a dossier held by no one (imported, no receiving officer): the one-stop staff of its unit or a leader, no other colleague', async () => {
  const version = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select(['v.id', 'v.name'])
    .where('p.code', '=', WORKFLOW_PROCEDURE)
    .executeTakeFirstOrThrow();
  const importOne = async () => {
    const before = (await db.selectFrom('dossiers').select('code').execute()).map((d) => d.code);
    await importDossierHistory({
      db,
      unitId: w.commune.id,
      dossiers: [
        {
          procedure: { code: WORKFLOW_PROCEDURE, versionId: version.id, name: version.name },
          channel: 'counter',
          applicant: { ...applicantJson(), proxy: null },
          feeVnd: 0,
          dueAt: new Date(Date.now() + 5 * 86_400_000),
          events: [{ status: 2, at: new Date() }],
        },
      ],
    });
    const added = await db.selectFrom('dossiers').selectAll().where('code', 'not in', before).execute();
    assert.equal(added.length, 1);
    assert.equal(added[0]?.received_by, null, 'no receiving officer');
    return added[0]?.code ?? '';
  };
  const code = await importOne();
  const before = await auditCount();
  // A specialist and a clerk of the same commune have dossier rights but do not hold it.
  for (const colleague of [actors.specialist, actors.clerk]) {
    await assert.rejects(handOverDossier({ ...common(code), actor: colleague }), { code: 'FORBIDDEN' });
    assert.ok(
      !availableActions(colleague, await loadDossierWork({ db, actor: colleague, code })).includes(
        'handOver',
      ),
    );
  }
  assert.equal(await auditCount(), before, 'a refused hand-over writes nothing');
  // The one-stop staff of its unit hold it: the receptionist (not the one who received it: nobody did).
  assert.ok(
    availableActions(
      actors.receptionist,
      await loadDossierWork({ db, actor: actors.receptionist, code }),
    ).includes('handOver'),
  );
  await handOverDossier({ ...common(code), actor: actors.receptionist });
  assert.equal(await auditCount(), before + 1);
  // A leader of the unit may hand over another such dossier too.
  await handOverDossier({ ...common(await importOne()), actor: actors.leader });
});

test('extend: BM.04 at least 1 day before the due date, else a precise VALIDATION_FAILED; then allowed', async () => {
  const code = await w.dossierIn(4);
  const dueAt = (await loadDossierWork({ db, actor: actors.leader, code })).dossier.due_at;
  assert.ok(dueAt);
  const extendAt = (offsetMs: number) =>
    extendDeadline({
      ...common(code),
      actor: actors.leader,
      days: 2,
      reason: 'Cần xác minh',
      now: new Date(dueAt.getTime() + offsetMs),
    });
  const before = await auditCount();
  // on the due day itself (an hour before the due time) it is too late, and after it
  await assert.rejects(extendAt(-3_600_000), (error: { code: string; fields?: Record<string, string> }) => {
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.equal(error.fields?.days, 'extensionTooLate');
    return true;
  });
  await assert.rejects(extendAt(86_400_000), { code: 'VALIDATION_FAILED' });
  assert.equal(await auditCount(), before);
  // the day before the due day: in time
  await extendAt(-86_400_000);
  assert.equal(await auditCount(), before + 1);
});
