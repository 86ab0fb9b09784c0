// Result templates stored per procedure (issue 7 §2): the province's default, a commune's own over it, edited
// by unit administrators only (an audit event each), placeholders checked, and used to draft the result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateResult } from '../../src/modules/workflow/generate-result.ts';
import { getDossierWorkView } from '../../src/modules/workflow/get-dossier-work-view.ts';
import { saveResultTemplate } from '../../src/modules/workflow/save-result-template.ts';
import { setUpWorkflowTests, WORKFLOW_PROCEDURE } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const { actors, blobStore, common, db, province, commune } = w;
const provinceAdmin = await w.actorFor('unit_admin', province);
const communeAdmin = await w.actorFor('unit_admin', commune);

const save = (actor: typeof provinceAdmin, unitId: string, title: string, body: string) =>
  saveResultTemplate({ db, actor, requestId: null, unitId, procedureCode: WORKFLOW_PROCEDURE, title, body });

/** The template edits' events (views of the dossier are events too: not counted here). */
async function auditCount(): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'catalogue.adoption_adjusted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('templates: province default, commune override, rights, placeholders; the draft uses the stored one', async () => {
  const code = await w.dossierIn(4);
  const draft = { ...common(code), actor: actors.specialist, blobStore };
  // nothing stored and no text given: the title is required
  await assert.rejects(generateResult(draft), { code: 'VALIDATION_FAILED', fields: { title: 'required' } });

  const before = await auditCount();
  await assert.rejects(save(actors.receptionist, commune.id, 'GIẤY XÁC NHẬN', 'Xác nhận {ho_ten}.'), {
    code: 'FORBIDDEN',
  });
  await assert.rejects(save(provinceAdmin, province.id, 'GIẤY XÁC NHẬN', 'Xác nhận {ten_sai}.'), {
    code: 'VALIDATION_FAILED',
    fields: { body: 'placeholder' },
  });
  await assert.rejects(
    saveResultTemplate({
      db,
      actor: provinceAdmin,
      requestId: null,
      unitId: province.id,
      procedureCode: 'KHONG.CO',
      title: 'X',
      body: 'Y',
    }),
    { code: 'NOT_FOUND' },
  );
  assert.equal(await auditCount(), before, 'refused edits write nothing');

  await save(provinceAdmin, province.id, 'GIẤY XÁC NHẬN {thu_tuc}', 'Xác nhận Ông/Bà {ho_ten} ({ma_ho_so}).');
  assert.equal(await auditCount(), before + 1);
  let view = await getDossierWorkView({ ...common(code), actor: actors.specialist });
  assert.equal(view.resultTemplate?.unitId, province.id);
  assert.equal(view.resultTemplate?.title, 'GIẤY XÁC NHẬN {thu_tuc}');

  await save(communeAdmin, commune.id, 'GIẤY XÁC NHẬN CỦA XÃ', 'Xã xác nhận {ho_ten}.');
  await save(communeAdmin, commune.id, 'GIẤY XÁC NHẬN CỦA XÃ', 'Xã xác nhận Ông/Bà {ho_ten}.');
  assert.equal(await auditCount(), before + 3, 'one event per edit');
  view = await getDossierWorkView({ ...common(code), actor: actors.specialist });
  assert.equal(view.resultTemplate?.unitId, commune.id);
  assert.equal(view.resultTemplate?.body, 'Xã xác nhận Ông/Bà {ho_ten}.');

  // the specialist drafts from the stored template without writing one
  const drafted = await generateResult(draft);
  assert.equal(drafted.status, 4);
  assert.ok(
    (await getDossierWorkView({ ...common(code), actor: actors.specialist })).work.workflow.result_sha256,
  );
});
