// The workflow API (issue 7 §1): bearer tokens, one POST per action, precise errors, the work queue with
// overdue and warning flags, the warning threshold, and the OpenAPI document listing every route.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import { listWorkQueue } from '../../src/modules/workflow/list-work-queue.ts';
import { setWarningThreshold } from '../../src/modules/workflow/set-warning-threshold.ts';
import { makeStaff } from '../helpers/factories.ts';
import { minimalPdf } from '../http/dossier-setup.ts';
import { setUpWorkflowTests } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const { app, db, actors, commune } = w;

async function bearer(role: 'receptionist' | 'specialist' | 'leader' | 'unit_admin') {
  // the receptionist is the one who received w.receive's dossiers: only the holder hands a dossier over
  const staff =
    role === 'receptionist'
      ? w.receptionistLogin
      : await makeStaff(db, { unit: commune, role, fullName: `API ${role}` });
  const { accessToken } = await issueApiToken({
    db,
    username: staff.username,
    password: staff.password,
    requestId: null,
  });
  return { authorization: `Bearer ${accessToken}` };
}
const reception = await bearer('receptionist');
const specialist = await bearer('specialist');
const leader = await bearer('leader');

const post = (code: string, path: string, headers: Record<string, string>, payload?: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${encodeURIComponent(code)}/${path}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

test('a dossier goes through the API from reception to return', async () => {
  const code = await w.receive();
  let r = await post(code, 'hand-over', reception, { note: 'Đủ giấy tờ' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().result.seq, 1);
  r = await post(code, 'start', specialist);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 4);
  r = await post(code, 'supplement-requests', specialist, { items: ['Tờ khai'], reason: 'Thiếu tờ khai' });
  assert.equal(r.json().status, 5, r.body);
  r = await post(code, 'supply', reception, { files: [{ contentBase64: minimalPdf().toString('base64') }] });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 4);
  assert.match(r.json().result.dueAt, /^\d{4}-\d{2}-\d{2}T/);
  r = await post(code, 'comments', leader, { text: 'Ưu tiên' });
  assert.equal(r.statusCode, 200, r.body);
  r = await post(code, 'result', specialist, { contentBase64: minimalPdf().toString('base64') });
  assert.equal(r.statusCode, 200, r.body);
  r = await post(code, 'approve', leader, {});
  assert.equal(r.statusCode, 200, r.body);
  r = await post(code, 'mark-processed', specialist);
  assert.equal(r.json().status, 9, r.body);
  r = await post(code, 'return', reception, { receivedBy: 'Trần Thị Nộp' });
  assert.equal(r.json().status, 10, r.body);
  const state = await app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${encodeURIComponent(code)}/workflow`,
    headers: leader,
  });
  assert.equal(state.statusCode, 200, state.body);
  const body = state.json();
  assert.equal(body.status, 10);
  assert.equal(body.handovers.length, 1);
  assert.equal(body.supplements[0].suppliedVia, 'counter');
  assert.ok(['early', 'on_time', 'late'].includes(body.outcome));
  assert.deepEqual(body.actions, ['comment']);
  const stranger = await app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${encodeURIComponent(code)}/workflow`,
  });
  assert.equal(stranger.statusCode, 401);
});

test('errors: 401 without a token, 403 without the right, 409 INVALID_STATE, 400 on a bad body, 404 unknown', async () => {
  const code = await w.receive();
  assert.equal((await post(code, 'start', {})).statusCode, 401);
  const forbidden = await post(code, 'start', reception);
  assert.equal(forbidden.statusCode, 403);
  assert.equal(forbidden.json().error.code, 'FORBIDDEN');
  const invalid = await post(code, 'return', reception, { receivedBy: 'X' });
  assert.equal(invalid.statusCode, 409);
  assert.equal(invalid.json().error.code, 'INVALID_STATE');
  const bad = await post(code, 'refuse', specialist, { reasons: 5 });
  assert.equal(bad.statusCode, 400);
  assert.equal((await post('000.00.00.X99-260101-0001', 'start', specialist)).statusCode, 404);
  const notPdf = await post(code, 'supplement-requests', specialist, { items: [], reason: 'x' });
  assert.equal(notPdf.statusCode, 400);
  assert.equal(await w.statusOf(code), 2);
});

test('the work queue: role queue after hand-over, overdue first, warning within the threshold', async () => {
  // received 30 days ago: long overdue
  const late = await w.receive(new Date(Date.now() - 30 * 86_400_000));
  const handed = await post(late, 'hand-over', reception);
  assert.equal(handed.statusCode, 200, handed.body);
  const fresh = await w.receive();
  await post(fresh, 'hand-over', reception);
  const r = await app.inject({ method: 'GET', url: '/api/v1/work-queues', headers: specialist });
  assert.equal(r.statusCode, 200, r.body);
  const items = r.json().items as { code: string; reason: string; flag: string | null }[];
  const lateItem = items.find((i) => i.code === late);
  assert.deepEqual(lateItem && [lateItem.reason, lateItem.flag], ['queue', 'overdue']);
  assert.equal(items[0]?.flag, 'overdue');
  assert.ok(items.some((i) => i.code === fresh && i.reason === 'queue'));
  // one-stop staff see every open dossier of their unit
  const desk = await listWorkQueue({ db, actor: actors.receptionist });
  assert.ok(desk.some((i) => i.code === late && i.reason === 'oneStop' && i.flag === 'overdue'));
  // the stranger commune's leader sees none of them
  assert.equal(
    (await listWorkQueue({ db, actor: actors.stranger })).some((i) => i.code === late),
    false,
  );
});

test('warnings: due within the unit’s threshold (default 1 working day, configurable)', async () => {
  const vn = (iso: string) => new Date(`${iso}+07:00`);
  // received Mon 07/12/2026 08:00, 5 working days → due Mon 14/12 08:00
  const code = await w.receive(vn('2026-12-07T08:00:00'));
  const flagAt = async (now: Date) =>
    (await listWorkQueue({ db, actor: actors.receptionist, now })).find((i) => i.code === code)?.flag;
  assert.equal(await flagAt(vn('2026-12-10T08:00:00')), null);
  // Fri 11/12 09:00: one working day later is Mon 14/12 09:00 ≥ due → warning
  assert.equal(await flagAt(vn('2026-12-11T09:00:00')), 'warning');
  assert.equal(await flagAt(vn('2026-12-14T08:30:00')), 'overdue');
  const admin = await bearer('unit_admin');
  const put = await app.inject({
    method: 'PUT',
    url: `/api/v1/units/${commune.id}/workflow-settings`,
    headers: admin,
    payload: { warningWorkingDays: 3 },
  });
  assert.equal(put.statusCode, 204, put.body);
  assert.equal(await flagAt(vn('2026-12-09T09:00:00')), 'warning');
  await assert.rejects(
    setWarningThreshold({ db, actor: actors.specialist, requestId: null, unitId: commune.id, days: 2 }),
    { code: 'FORBIDDEN' },
  );
  const denied = await app.inject({
    method: 'PUT',
    url: `/api/v1/units/${commune.id}/workflow-settings`,
    headers: specialist,
    payload: { warningWorkingDays: 2 },
  });
  assert.equal(denied.statusCode, 403);
});

test('OpenAPI lists every workflow route', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  for (const path of ['assign', 'hand-over', 'start', 'supply', 'extend', 'refer', 'return']) {
    assert.ok(doc.paths[`/api/v1/dossiers/{code}/${path}`]?.post, path);
  }
  assert.ok(doc.paths['/api/v1/work-queues']?.get);
  assert.ok(doc.components.schemas.WorkQueue);
});
