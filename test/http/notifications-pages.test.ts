// Staff see the delivery state of citizens' messages: a section on the dossier page and the /thong-bao page
// of the unit, both only with `notification.read` (issue 7 §6).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliverNotifications } from '../../src/modules/notifications/deliver-notifications.ts';
import { createSmsChannel } from '../../src/modules/notifications/sms-channel.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { receiveByApi, setUpDossierTests } from './dossier-setup.ts';

const { app, db, province, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
const dossier = await receiveByApi(app, { token: receptionist.token, unitId: commune.id });

async function signedIn(staff: { username: string; password: string }) {
  const client = new PageClient(app);
  await client.signIn(staff.username, staff.password);
  return client;
}

test('the dossier page shows each message and its delivery state, and it changes once sent', async () => {
  const client = await signedIn(receptionist);
  const before = await client.get(`/ho-so/${encodeURIComponent(dossier.code)}`);
  assert.equal(before.statusCode, 200);
  assert.match(before.body, /Thông báo đã gửi người nộp/);
  assert.equal(before.body.match(/Chờ gửi/g)?.length, 2, 'e-mail and SMS waiting');
  assert.match(before.body, /no\*\*\*@example\.vn/, 'the address masked');
  assert.ok(!before.body.includes('nop@example.vn </td>'));
  // SMTP is not configured here: the e-mail is skipped, the SMS goes through the driver.
  const sms = createSmsChannel({ send: async () => ({ messageId: 'x' }) });
  await deliverNotifications({ db, channels: new Map([['sms', sms]]), publicUrl: 'http://localhost' });
  const after = await client.get(`/ho-so/${encodeURIComponent(dossier.code)}`);
  assert.match(after.body, /Đã gửi/);
  assert.match(after.body, /Kênh chưa bật/);
  assert.match(after.body, /\*{7}678/, 'the phone masked');
});

test('/thong-bao lists the unit’s messages with counts and a status filter', async () => {
  const client = await signedIn(receptionist);
  const page = await client.get('/thong-bao');
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(dossier.code));
  assert.match(page.body, /<dt>Đã gửi<\/dt><dd>1<\/dd>/);
  assert.match(page.body, /<dt>Kênh chưa bật<\/dt><dd>1<\/dd>/);
  const failed = await client.get(`/thong-bao?status=failed&unit=${commune.id}`);
  assert.equal(failed.statusCode, 200);
  assert.ok(!failed.body.includes(dossier.code));
  assert.match(failed.body, /Chưa có thông báo nào/);
  const workspace = await client.get('/workspace');
  assert.match(workspace.body, /href="\/thong-bao"/);
});

test('authorisation: no notification.read, no delivery state; another unit is refused', async () => {
  const clerk = await signedIn(await makeStaff(db, { unit: commune, role: 'clerk' }));
  assert.equal((await clerk.get('/thong-bao')).statusCode, 403);
  const auditor = await signedIn(await makeStaff(db, { unit: commune, role: 'auditor' }));
  assert.equal((await auditor.get('/thong-bao')).statusCode, 403);
  // A specialist of the unit sees the dossier page with its deliveries; one elsewhere cannot pick this unit.
  const specialist = await signedIn(await makeStaff(db, { unit: commune, role: 'specialist' }));
  assert.match((await specialist.get(`/ho-so/${encodeURIComponent(dossier.code)}`)).body, /Thông báo đã gửi/);
  const elsewhere = await signedIn(
    await makeStaff(db, { unit: await makeUnit(db, { parent: province }), role: 'receptionist' }),
  );
  assert.equal((await elsewhere.get(`/thong-bao?unit=${commune.id}`)).statusCode, 403);
  const own = await elsewhere.get('/thong-bao');
  assert.equal(own.statusCode, 200);
  assert.ok(!own.body.includes(dossier.code));
  // The province administrator reaches the communes below.
  const admin = await signedIn(await makeStaff(db, { unit: province, role: 'unit_admin' }));
  assert.ok((await admin.get(`/thong-bao?unit=${commune.id}`)).body.includes(dossier.code));
  assert.ok((await admin.get('/thong-bao')).body.includes(dossier.code), 'the province covers its communes');
});

test('a skipped or failed message can be sent again by the one-stop shop, once, with CSRF', async () => {
  const row = await db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .where('channel', '=', 'email')
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'skipped');
  const url = `/thong-bao/${row.id}/gui-lai`;
  // A specialist sees the state but has no resend right; a clerk does not even see the message.
  const specialist = await signedIn(await makeStaff(db, { unit: commune, role: 'specialist' }));
  const specialistPage = await specialist.get(`/ho-so/${encodeURIComponent(dossier.code)}`);
  assert.doesNotMatch(specialistPage.body, /Gửi lại/);
  const csrf = PageClient.csrfFrom(specialistPage.body);
  assert.equal((await specialist.post(url, { _csrf: csrf, from: 'dossier' })).statusCode, 403);
  const clerk = await signedIn(await makeStaff(db, { unit: commune, role: 'clerk' }));
  const clerkCsrf = PageClient.csrfFrom((await clerk.get('/workspace')).body);
  assert.equal((await clerk.post(url, { _csrf: clerkCsrf })).statusCode, 404);

  const client = await signedIn(receptionist);
  const page = await client.get(`/ho-so/${encodeURIComponent(dossier.code)}`);
  assert.match(page.body, new RegExp(`action="${url}"`));
  assert.equal((await client.post(url, { from: 'dossier' })).statusCode, 403, 'no CSRF token');
  const resent = await client.post(url, { _csrf: PageClient.csrfFrom(page.body), from: 'dossier' });
  assert.equal(resent.statusCode, 303);
  assert.equal(resent.headers.location, `/ho-so/${encodeURIComponent(dossier.code)}`);
  const queued = await db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([queued.status, queued.attempts, queued.last_error], ['pending', 0, null]);
  const audit = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', row.id)
    .execute();
  assert.ok(audit.some((e) => e.action === 'notification.resend_requested'));
  const again = await client.post(url, { _csrf: PageClient.csrfFrom(page.body), from: 'list' });
  assert.equal(again.statusCode, 409, 'already waiting');
  assert.equal(
    (await client.post('/thong-bao/not-a-uuid/gui-lai', { _csrf: PageClient.csrfFrom(page.body) }))
      .statusCode,
    404,
  );
});
