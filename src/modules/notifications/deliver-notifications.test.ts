// The outbox end to end against a real SMTP server (test/helpers/smtp-sink.ts): a received dossier's
// messages are delivered, a deferred one is retried with backoff, one refused for good or failing to the
// last attempt is marked failed, a rolled-back change sends nothing, and two workers never send twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSmtpSink } from '../../../test/helpers/smtp-sink.ts';
import { applicantJson, receiveByApi, setUpDossierTests } from '../../../test/http/dossier-setup.ts';
import { changeDossierStatus } from '../dossiers/change-dossier-status.ts';
import {
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  deliverNotifications,
} from './deliver-notifications.ts';
import { createEmailChannel } from './email-channel.ts';
import { enqueueDossierNotification } from './enqueue-dossier-notification.ts';
import type { NotificationChannel } from './notification-channel.ts';
import type { NotificationChannelName } from './notification-kinds.ts';
import { startNotificationWorker } from './notification-worker.ts';
import { createSmsChannel, type SmsDriver } from './sms-channel.ts';

const { app, db, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
const sink = await startSmtpSink();
const smsSent: { phone: string; text: string }[] = [];
const memorySms: SmsDriver = {
  async send(phone, text) {
    smsSent.push({ phone, text });
    return { messageId: `sms-${smsSent.length}` };
  },
};
const channels = new Map<NotificationChannelName, NotificationChannel>([
  ['email', createEmailChannel({ smtpUrl: sink.url, from: '"Xã Thử" <motcua@xathu.gov.vn>' })],
  ['sms', createSmsChannel(memorySms)],
]);
const PUBLIC_URL = 'https://xaso.example.vn';
const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 3, baseDelayMs: 60_000 };
// The delivery clock runs an hour ahead of the rows' real enqueue times, so rows queued while the file runs
// (however slowly) are always due, and retries are due exactly when this clock says.
let clock = new Date(Date.now() + 3600_000);
const deliver = (overrides: { policy?: DeliveryPolicy } = {}) =>
  deliverNotifications({ db, channels, publicUrl: PUBLIC_URL, policy, now: () => clock, ...overrides });

let n = 0;
async function receive(email: string | null) {
  n += 1;
  const phone = `09120000${String(n).padStart(2, '0')}`;
  const applicant = { ...applicantJson(phone), email: email ?? undefined };
  return receiveByApi(app, { token: receptionist.token, unitId: commune.id, applicant });
}

const rowsOf = (dossierId: string) =>
  db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('channel')
    .execute();

test('a received dossier is announced by e-mail and SMS: code, procedure, lookup link, no name', async () => {
  const dossier = await receive('delivered@example.vn');
  const queued = await rowsOf(dossier.id);
  assert.deepEqual(
    queued.map((r) => [r.channel, r.kind, r.status]),
    [
      ['email', 'received', 'pending'],
      ['sms', 'received', 'pending'],
    ],
  );
  const result = await deliver();
  assert.equal(result.sent, 2);
  const mail = sink.messages.find((m) => m.to.includes('delivered@example.vn'));
  assert.ok(mail);
  const body = mail.text;
  assert.ok(body.includes(dossier.code), 'the code');
  assert.ok(
    body.includes(`${PUBLIC_URL}/tra-cuu?code=${encodeURIComponent(dossier.code)}`),
    'the lookup link',
  );
  assert.ok(!body.includes('Nộp') && !body.includes('001190012345'), 'no name, no identifier');
  const sms = smsSent.at(-1);
  assert.match(
    sms?.text ?? '',
    new RegExp(`^Ho so ${dossier.code.replaceAll('.', '\\.')}: da tiep nhan, hen tra`),
  );
  const rows = await rowsOf(dossier.id);
  assert.deepEqual(
    rows.map((r) => [r.status, r.attempts, r.sent_at !== null]),
    [
      ['sent', 1, true],
      ['sent', 1, true],
    ],
  );
  assert.ok(rows[0]?.provider_message_id);
  const events = await db
    .selectFrom('audit_events')
    .select(['action', 'actor_type'])
    .where(
      'subject_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  assert.deepEqual(
    events.map((e) => [e.action, e.actor_type]),
    [
      ['notification.sent', 'system'],
      ['notification.sent', 'system'],
    ],
  );
  assert.equal((await deliver()).claimed, 0, 'nothing twice');
});

test('a refusal at intake is announced as such; staff-only statuses are not announced', async () => {
  const refused = await receiveByApi(app, {
    token: receptionist.token,
    unitId: commune.id,
    applicant: applicantJson('0912999000'),
    refusalReasons: 'Thiếu tờ khai.',
  });
  assert.deepEqual(
    (await rowsOf(refused.id)).map((r) => [r.channel, r.kind]),
    [
      ['email', 'refused'],
      ['sms', 'refused'],
    ],
  );
  const dossier = await receive(null);
  await db
    .transaction()
    .execute((trx) => changeDossierStatus(trx, { dossierId: dossier.id, from: [2], to: 4, at: new Date() }));
  assert.deepEqual(
    (await rowsOf(dossier.id)).map((r) => r.kind),
    ['received'],
    'being processed (4) is not news for the citizen',
  );
  await deliver();
});

test('the extension (BM.04) announces the late dossier with its new date', async () => {
  const dossier = await receive('late@example.vn');
  const newDueAt = new Date('2027-01-15T10:00:00Z');
  await db.transaction().execute(async (trx) => {
    assert.equal(
      await enqueueDossierNotification(trx, {
        dossierId: dossier.id,
        kind: 'late',
        at: new Date(),
        newDueAt,
      }),
      2,
    );
  });
  await deliver();
  const late = (await rowsOf(dossier.id)).filter((r) => r.kind === 'late');
  assert.deepEqual(
    late.map((r) => [r.status, r.payload.newDueAt]),
    [
      ['sent', newDueAt.toISOString()],
      ['sent', newDueAt.toISOString()],
    ],
  );
  assert.match(smsSent.at(-1)?.text ?? '', /hen lai 17:00 15\/01\/2027/);
  const mail = sink.messages.filter((m) => m.to.includes('late@example.vn')).at(-1);
  assert.match(mail?.text ?? '', /hẹn trả kết quả vào 17:00 15\/01\/2027/);
});

test('a change that rolls back queues nothing and so sends nothing', async () => {
  const dossier = await receive(null);
  await deliver();
  const before = sink.attempts.length + smsSent.length;
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await changeDossierStatus(trx, { dossierId: dossier.id, from: [2], to: 5, at: new Date() });
      throw new Error('the officer’s action failed after the change');
    }),
    /failed after the change/,
  );
  assert.deepEqual(
    (await rowsOf(dossier.id)).map((r) => r.kind),
    ['received'],
  );
  assert.equal((await deliver()).claimed, 0);
  assert.equal(sink.attempts.length + smsSent.length, before);
  // The same change committed is announced.
  await db
    .transaction()
    .execute((trx) => changeDossierStatus(trx, { dossierId: dossier.id, from: [2], to: 5, at: new Date() }));
  assert.equal((await deliver()).sent, 1);
  assert.match(smsSent.at(-1)?.text ?? '', /can bo sung giay to/);
});

test('a deferred e-mail (451) is retried after the backoff and then delivered', async () => {
  sink.reply = (to, attempt) =>
    to === 'later@example.vn' && attempt === 1 ? { code: 451, message: 'Try later' } : null;
  const dossier = await receive('later@example.vn');
  const first = await deliver();
  assert.equal(first.retrying, 1);
  const [email] = await rowsOf(dossier.id);
  assert.equal(email?.status, 'pending');
  assert.match(email?.last_error ?? '', /451/);
  assert.equal(email?.next_attempt_at.getTime(), clock.getTime() + 60_000, 'first delay: the base');
  assert.equal((await deliver()).claimed, 0, 'not before its time');
  clock = new Date(clock.getTime() + 60_000);
  assert.equal((await deliver()).sent, 1);
  const [done] = await rowsOf(dossier.id);
  assert.deepEqual([done?.status, done?.attempts, done?.last_error], ['sent', 2, null]);
  assert.ok(sink.messages.some((m) => m.to.includes('later@example.vn')));
});

test('an e-mail still deferred at the last attempt fails; a 550 refusal fails at once', async () => {
  sink.reply = (to) =>
    to === 'never@example.vn'
      ? { code: 452, message: 'Mailbox full' }
      : to === 'nobody@example.vn'
        ? { code: 550, message: 'No such user' }
        : null;
  const never = await receive('never@example.vn');
  const nobody = await receive('nobody@example.vn');
  await deliver();
  const [refused] = await rowsOf(nobody.id);
  assert.deepEqual([refused?.status, refused?.attempts], ['failed', 1]);
  const delays: number[] = [];
  for (let attempt = 2; attempt <= 3; attempt += 1) {
    const [row] = await rowsOf(never.id);
    assert.equal(row?.status, 'pending');
    delays.push((row?.next_attempt_at.getTime() ?? 0) - clock.getTime());
    clock = new Date(row?.next_attempt_at.getTime() ?? 0);
    await deliver();
  }
  assert.deepEqual(delays, [60_000, 120_000], 'exponential backoff');
  const [failed] = await rowsOf(never.id);
  assert.deepEqual([failed?.status, failed?.attempts], ['failed', 3]);
  assert.match(failed?.last_error ?? '', /452/);
  clock = new Date(clock.getTime() + 3600_000);
  assert.equal((await deliver()).claimed, 0, 'failed is final');
  const audit = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', 'in', [failed?.id ?? '', refused?.id ?? ''])
    .execute();
  assert.deepEqual(
    audit.map((e) => e.action),
    ['notification.failed', 'notification.failed'],
  );
  sink.reply = () => null;
});

test('two workers at once send every message exactly once; a channel that is off marks rows skipped', async () => {
  const dossiers = [];
  for (let i = 0; i < 6; i += 1) {
    dossiers.push(await receive(`pair${i}@example.vn`));
  }
  const smsBefore = smsSent.length;
  const small = { ...policy, batchSize: 4 };
  const results = await Promise.all([
    deliver({ policy: small }),
    deliver({ policy: small }),
    deliver({ policy: small }),
  ]);
  await deliver();
  assert.ok(results.every((r) => r.claimed <= 4));
  for (let i = 0; i < 6; i += 1) {
    assert.equal(sink.messages.filter((m) => m.to.includes(`pair${i}@example.vn`)).length, 1);
  }
  assert.equal(smsSent.length - smsBefore, 6);

  const quiet = await receive('quiet@example.vn');
  const onlySms = new Map([...channels].filter(([name]) => name === 'sms'));
  await deliverNotifications({ db, channels: onlySms, publicUrl: PUBLIC_URL, policy, now: () => clock });
  const rows = await rowsOf(quiet.id);
  assert.deepEqual(
    rows.map((r) => [r.channel, r.status]),
    [
      ['email', 'skipped'],
      ['sms', 'sent'],
    ],
  );
});

test('the background worker sends what is queued, and stops cleanly closing its channels', async () => {
  const dossier = await receive('worker@example.vn');
  let closed = 0;
  const counted = new Map(
    [...channels].map(
      ([name, channel]) =>
        [
          name,
          {
            ...channel,
            close: () => {
              closed += 1;
            },
          },
        ] as const,
    ),
  );
  const worker = startNotificationWorker({ db, channels: counted, publicUrl: PUBLIC_URL, intervalMs: 20 });
  for (let i = 0; i < 200 && (await rowsOf(dossier.id)).some((r) => r.status !== 'sent'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.deepEqual(
    (await rowsOf(dossier.id)).map((r) => r.status),
    ['sent', 'sent'],
  );
  assert.equal((await worker.runNow()).claimed, 0);
  await worker.stop();
  assert.equal(closed, 2);
});
