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
