// Result templates stored per procedure (issue 7 §2): the province's default, a commune's own over it, edited
// by unit administrators only (an audit event each), placeholders checked, and used to draft the result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateResult } from '../../src/modules/workflow/generate-result.ts';
import { getDossierWorkView } from '../../src/modules/workflow/get-dossier-work-view.ts';
import { saveResultTemplate } from '../../src/modules/workflow/save-result-template.ts';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
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
    .where('action', '=', 'workflow.result_template_set')
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

test('the template page: a commune administrator edits, previews as PDF, saves; errors shown; others refused', async () => {
  const admin = await makeStaff(db, { unit: commune, role: 'unit_admin', fullName: 'Quản trị xã' });
  const browser = new PageClient(w.app, '10.9.9.1');
  assert.equal((await browser.signIn(admin.username, admin.password)).statusCode, 303);
  const url = `/thu-tuc/${WORKFLOW_PROCEDURE}/mau-ket-qua?unit=${commune.id}`;
  // reached from the catalogue administration of the commune (the procedure is adopted there)
  const catalogue = await browser.get(`/admin/procedures?unit=${commune.id}`);
  assert.equal(catalogue.statusCode, 200);
  assert.ok(catalogue.body.includes(`href="${url}"`), 'the catalogue links the template');
  const page = await browser.get(url);
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /Mẫu văn bản kết quả/);
  assert.match(page.body, /\{ho_ten\}/);
  const csrf = PageClient.csrfFrom(page.body);
  const post = `/thu-tuc/${WORKFLOW_PROCEDURE}/mau-ket-qua`;
  const fields = { _csrf: csrf, unit: commune.id, title: 'GIẤY XÁC NHẬN', body: 'Xác nhận Ông/Bà {ho_ten}.' };
  const preview = await browser.post(`${post}/xem-truoc.pdf`, fields);
  assert.equal(preview.statusCode, 200);
  assert.equal(preview.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const bad = await browser.post(post, { ...fields, body: 'Xác nhận {ten_sai}.' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /ten_sai/);
  const saved = await browser.post(post, { ...fields, title: 'GIẤY XÁC NHẬN CỦA XÃ (TRANG)' });
  assert.equal(saved.statusCode, 303);
  const after = await browser.get(`${url}&xong=1`);
  assert.match(after.body, /GIẤY XÁC NHẬN CỦA XÃ \(TRANG\)/);
  assert.match(after.body, /Đơn vị đang dùng mẫu riêng/);

  const clerk = await makeStaff(db, { unit: commune, role: 'receptionist', fullName: 'Tiếp nhận' });
  const other = new PageClient(w.app, '10.9.9.2');
  assert.equal((await other.signIn(clerk.username, clerk.password)).statusCode, 303);
  assert.equal((await other.get(url)).statusCode, 403);
});
