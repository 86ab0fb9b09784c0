// The demo seed's dossiers in processing (issue 7): one overdue, one awaiting a supplement, one extended
// (BM.04), one in the specialists' queue, at Bình Ca's centre, processed by the commune's staff.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-data.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffByUsername } from '../../src/modules/identity/staff.repository.ts';
import { getWorkflowForm } from '../../src/modules/workflow/get-workflow-form.ts';
import { listWorkQueue } from '../../src/modules/workflow/list-work-queue.ts';
import { loadDossierWork } from '../../src/modules/workflow/load-dossier-work.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
assert.equal(await seedDemo({ db }), true);

async function actor(username: string) {
  const staff = await findStaffByUsername(db, username);
  assert.ok(staff);
  return loadActor(db, staff);
}

test('the specialist’s queue has the overdue one first, the supplement one, the extended one, the queued one', async () => {
  const specialist = await actor('binhca.chuyenvien');
  const queue = await listWorkQueue({ db, actor: specialist });
  assert.equal(queue[0]?.flag, 'overdue');
  assert.equal(queue[0]?.procedureCode, '1.001776');
  // its first step is the commune council's review (a specialist's): the first hand-over went to step 0
  const overdueWork = await loadDossierWork({ db, actor: specialist, code: queue[0]?.code ?? '' });
  assert.equal(overdueWork.workflow.step_index, 0);
  const byProcedure = new Map(queue.map((i) => [i.procedureCode, i]));
  assert.equal(byProcedure.get('1.001699')?.status, 5);
  assert.equal(byProcedure.get('1.004194')?.status, 4);
  assert.equal(byProcedure.get('1.004873')?.reason, 'queue');
  const extended = byProcedure.get('1.004194');
  assert.ok(extended);
  const bm04 = await getWorkflowForm({
    db,
    actor: specialist,
    code: extended.code,
    form: 'bm04',
    publicUrl: 'http://x',
  });
  assert.match(bm04.title, /XIN LỖI/);
  // the one-stop receptionist at the centre oversees all of them
  const desk = await listWorkQueue({ db, actor: await actor('binhca.tiepnhan') });
  assert.ok(desk.some((i) => i.code === queue[0]?.code));
  // and the chairman follows every open dossier of the commune
  const chair = await listWorkQueue({ db, actor: await actor('binhca.chutich') });
  assert.ok(chair.some((i) => i.code === queue[0]?.code && i.reason === 'oversight' && i.flag === 'overdue'));
});

test('the commune’s specialist opens a centre dossier page; the public lookup shows the status', async () => {
  const specialist = await actor('binhca.chuyenvien');
  const [first] = await listWorkQueue({ db, actor: specialist });
  assert.ok(first);
  const browser = new PageClient(app, '10.7.0.1');
  assert.equal((await browser.signIn('binhca.chuyenvien', DEMO_PASSWORD)).statusCode, 303);
  const page = await browser.get(`/ho-so/${encodeURIComponent(first.code)}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Xử lý hồ sơ/);
  const lookup = await app.inject({
    method: 'GET',
    url: `/api/v1/lookup/${encodeURIComponent(first.code)}?phone=5678`,
  });
  assert.equal(lookup.json().status, 4);
});
