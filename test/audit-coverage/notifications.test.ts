// Audit coverage (issue 4 §1) of citizen notifications (issue 7 §6): the worker's outcomes (sent, failed,
// skipped) and a staff member's resend. The worker first claims due rows (a lease, committed on its own so
// a slow channel holds no lock, no event: bookkeeping of the queue), sends, then records the outcome with
// its event in one transaction: that transaction is the one refused; the row is then claimed again once the
// lease is over, and exactly one outcome event follows. See coverage.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import {
  DEFAULT_DELIVERY_POLICY,
  deliverNotifications,
} from '../../src/modules/notifications/deliver-notifications.ts';
import {
  DeliveryError,
  type NotificationChannel,
} from '../../src/modules/notifications/notification-channel.ts';
import type { NotificationChannelName } from '../../src/modules/notifications/notification-kinds.ts';
import { resendNotification } from '../../src/modules/notifications/resend-notification.ts';
import { applicantJson, receiveByApi, setUpDossierTests } from '../http/dossier-setup.ts';
import { auditCoverage, installAuditRefusal, staffActor } from './coverage.ts';

const { app, db, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'notifications');

const sms = (send: NotificationChannel['send']) =>
  new Map<NotificationChannelName, NotificationChannel>([['sms', { name: 'sms', send }]]);
const accepting = sms(async () => ({ messageId: 'sms-1' }));
const refusing = sms(async () => {
  throw new DeliveryError('number does not exist', { isPermanent: true });
});
const unconfigured = new Map<NotificationChannelName, NotificationChannel>();

// Each run's clock is past the lease of the run before, so a row claimed by a refused run is due again.
let clock = Date.now() + 3600_000;
const deliver = (channels: ReadonlyMap<NotificationChannelName, NotificationChannel>) => async () => {
  clock += DEFAULT_DELIVERY_POLICY.leaseMs + 60_000;
  const now = new Date(clock);
  return deliverNotifications({ db, channels, publicUrl: 'https://xaso.example.vn', now: () => now });
};

let phones = 0;
/** A received dossier whose applicant gave no e-mail: exactly one queued message (SMS). */
async function queuedSms(): Promise<string> {
  const applicant = { ...applicantJson(`09130000${String(++phones).padStart(2, '0')}`), email: undefined };
  const dossier = await receiveByApi(app, { token: receptionist.token, unitId: commune.id, applicant });
  const row = await db
    .selectFrom('notification_outbox')
    .select('id')
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The worker's outcome: by the system, on the commune, about the message. */
const outcome = (id: string) => ({
  expect: { actor: { type: 'system', id: null }, unit: commune.id, subject: { type: 'notification', id } },
  before: { actions: [], tables: ['notification_outbox'] },
});

test('the worker: sent, failed, skipped', async () => {
  const sent = await queuedSms();
  await exercise('notification.sent', 'notification_outbox', deliver(accepting), outcome(sent));
  const failed = await queuedSms();
  await exercise('notification.failed', 'notification_outbox', deliver(refusing), outcome(failed));
  const skipped = await queuedSms();
  await exercise('notification.skipped', 'notification_outbox', deliver(unconfigured), outcome(skipped));
  const rows = await db
    .selectFrom('notification_outbox')
    .select(['id', 'status'])
    .where('id', 'in', [sent, failed, skipped])
    .execute();
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.status])), {
    [sent]: 'sent',
    [failed]: 'failed',
    [skipped]: 'skipped',
  });

  const row = await findStaffById(db, receptionist.id);
  assert.ok(row);
  const actor = await loadActor(db, row);
  await exercise(
    'notification.resend_requested',
    'notification_outbox',
    () => resendNotification({ db, actor, requestId: null, id: failed }),
    {
      expect: {
        actor: staffActor(actor.staffId),
        unit: commune.id,
        subject: { type: 'notification', id: failed },
      },
    },
  );
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
