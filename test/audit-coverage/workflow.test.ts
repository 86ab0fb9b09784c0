// Audit coverage (issue 4 §1) of dossier processing (issue 7, src/modules/workflow): every workflow action
// through its own use case, its append refused (nothing changes, the caller gets the refusal) and then run
// (one event by the acting staff member, on the dossier's unit, about the dossier). See coverage.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditAction } from '../../src/modules/audit-log/audit-actions.ts';
import { findDossierByCode } from '../../src/modules/dossiers/dossier.repository.ts';
import type { StaffActor } from '../../src/modules/identity/actor.ts';
import { approveResult } from '../../src/modules/workflow/approve-result.ts';
import { assignDossier } from '../../src/modules/workflow/assign-dossier.ts';
import { claimDossier } from '../../src/modules/workflow/claim-dossier.ts';
import { commentOnDossier } from '../../src/modules/workflow/comment-on-dossier.ts';
import { extendDeadline } from '../../src/modules/workflow/extend-deadline.ts';
import { handOverDossier } from '../../src/modules/workflow/hand-over-dossier.ts';
import { markProcessed } from '../../src/modules/workflow/mark-processed.ts';
import { recordPayment } from '../../src/modules/workflow/record-payment.ts';
import { referDossier } from '../../src/modules/workflow/refer-dossier.ts';
import { refuseDossier } from '../../src/modules/workflow/refuse-dossier.ts';
import { requestPayment } from '../../src/modules/workflow/request-payment.ts';
import { requestSupplement } from '../../src/modules/workflow/request-supplement.ts';
import { returnResult } from '../../src/modules/workflow/return-result.ts';
import { saveResultTemplate } from '../../src/modules/workflow/save-result-template.ts';
import { setWarningThreshold } from '../../src/modules/workflow/set-warning-threshold.ts';
import { startProcessing } from '../../src/modules/workflow/start-processing.ts';
import { stopProcessing } from '../../src/modules/workflow/stop-processing.ts';
import { supplyDossier } from '../../src/modules/workflow/supply-dossier.ts';
import { uploadResult } from '../../src/modules/workflow/upload-result.ts';
import { withdrawDossier } from '../../src/modules/workflow/withdraw-dossier.ts';
import { minimalPdf } from '../http/dossier-setup.ts';
import { setUpWorkflowTests, WORKFLOW_PROCEDURE } from '../http/workflow-setup.ts';
import { auditCoverage, installAuditRefusal, staffActor } from './coverage.ts';

const w = await setUpWorkflowTests();
const { db, actors, blobStore, common, commune } = w;
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'workflow');

/**
 * Exercises one workflow action on the dossier `code`: the event is by `actor`, on the commune (the
 * dossier's unit), about the dossier; its transaction wrote `table`.
 */
async function act(
  action: AuditAction,
  table: string,
  code: string,
  actor: StaffActor,
  run: (base: ReturnType<typeof common> & { actor: StaffActor }) => Promise<unknown>,
): Promise<void> {
  const dossier = await findDossierByCode(db, code);
  assert.ok(dossier);
  await exercise(action, table, () => run({ ...common(code), actor }), {
    expect: {
      actor: staffActor(actor.staffId),
      unit: commune.id,
      subject: { type: 'dossier', id: dossier.id },
    },
  });
}

test('hand-over, claim, assignment, start and comments', async () => {
  const code = await w.receive();
  await act('workflow.handed_over', 'dossier_handovers', code, actors.receptionist, (o) =>
    handOverDossier({ ...o, note: 'Đủ giấy tờ' }),
  );
  await act('workflow.claimed', 'dossier_workflows', code, actors.specialist, (o) => claimDossier(o));
  await act('workflow.assigned', 'dossier_workflows', code, actors.leader, (o) =>
    assignDossier({ ...o, staffId: actors.specialist.staffId }),
  );
  await act('workflow.started', 'dossiers', code, actors.specialist, (o) => startProcessing(o));
  await act('workflow.commented', 'dossier_work_events', code, actors.leader, (o) =>
    commentOnDossier({ ...o, text: 'Kiểm tra lại địa chỉ' }),
  );
});

test('supplement, payment, extension, result, approval, processing and return', async () => {
  const code = await w.dossierIn(4);
  await act('workflow.supplement_requested', 'dossier_supplements', code, actors.specialist, (o) =>
    requestSupplement({ ...o, items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' }),
  );
  await act('workflow.supplied', 'dossiers', code, actors.receptionist, (o) =>
    supplyDossier({ ...o, blobStore, files: [minimalPdf()] }),
  );
  await act('workflow.payment_requested', 'dossiers', code, actors.specialist, (o) =>
    requestPayment({ ...o, amountVnd: 50000 }),
  );
  await act('workflow.payment_recorded', 'dossiers', code, actors.receptionist, (o) => recordPayment(o));
  await act('workflow.extended', 'dossier_workflows', code, actors.leader, (o) =>
    extendDeadline({ ...o, days: 2, reason: 'Cần xác minh thêm' }),
  );
  await act('workflow.result_uploaded', 'dossier_workflows', code, actors.specialist, (o) =>
    uploadResult({ ...o, blobStore, pdf: minimalPdf() }),
  );
  await act('workflow.approved', 'dossier_workflows', code, actors.leader, (o) => approveResult(o));
  await act('workflow.processed', 'dossiers', code, actors.specialist, (o) => markProcessed(o));
  await act('workflow.result_returned', 'dossiers', code, actors.receptionist, (o) =>
    returnResult({ ...o, receivedBy: 'Trần Thị Nộp' }),
  );
});

test('the closing actions: refusal, withdrawal, stop, referral', async () => {
  await act('workflow.refused', 'dossiers', await w.dossierIn(4), actors.specialist, (o) =>
    refuseDossier({ ...o, reasons: 'Không đủ điều kiện' }),
  );
  await act('workflow.withdrawn', 'dossiers', await w.dossierIn(2), actors.receptionist, (o) =>
    withdrawDossier(o),
  );
  await act('workflow.stopped', 'dossiers', await w.dossierIn(6), actors.leader, (o) =>
    stopProcessing({ ...o, reasons: 'Người nộp không liên lạc được' }),
  );
  await act('workflow.referred', 'dossiers', await w.dossierIn(4), actors.specialist, (o) =>
    referDossier({ ...o, authority: 'UBND tỉnh', address: 'Số 1 đường Lớn', documents: 'Đơn đề nghị' }),
  );
});

test('the warning threshold of a unit', async () => {
  const admin = await w.actorFor('unit_admin');
  await exercise(
    'workflow.settings_set',
    'workflow_unit_settings',
    () => setWarningThreshold({ db, actor: admin, requestId: null, unitId: commune.id, days: 2 }),
    {
      expect: {
        actor: staffActor(admin.staffId),
        unit: commune.id,
        subject: { type: 'unit', id: commune.id },
      },
    },
  );
});

test('a commune stores its result template of a procedure', async () => {
  const admin = await w.actorFor('unit_admin');
  await exercise(
    'workflow.result_template_set',
    'result_templates',
    () =>
      saveResultTemplate({
        db,
        actor: admin,
        requestId: null,
        unitId: commune.id,
        procedureCode: WORKFLOW_PROCEDURE,
        title: 'GIẤY XÁC NHẬN',
        body: 'Xác nhận ông/bà {ho_ten}.',
      }),
    { expect: { actor: staffActor(admin.staffId), unit: commune.id, subject: { type: 'procedure' } } },
  );
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
