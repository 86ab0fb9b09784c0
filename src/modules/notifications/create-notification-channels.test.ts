// The configuration turns the channels on: e-mail only with SMTP, SMS through the log driver unless off;
// the log driver never writes a whole phone number, and the SMS channel refuses what is not a number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNotificationChannels } from './create-notification-channels.ts';
import { DeliveryError } from './notification-channel.ts';

test('channels follow SMTP_URL and SMS_DRIVER; the log driver masks the number', async () => {
  const logged: object[] = [];
  const log = { info: (entry: object) => void logged.push(entry) };
  const none = createNotificationChannels({ smtpUrl: undefined, smtpFrom: undefined, smsDriver: 'off' }, log);
  assert.deepEqual([...none.keys()], []);
  const both = createNotificationChannels(
    { smtpUrl: 'smtp://127.0.0.1:2525', smtpFrom: 'motcua@xa.gov.vn', smsDriver: 'log' },
    log,
  );
  assert.deepEqual([...both.keys()].sort(), ['email', 'sms']);
  both.get('email')?.close?.();
  const sms = both.get('sms');
  assert.ok(sms);
  const sent = await sms.send({ to: '0912 345 678', subject: '', text: 'Ho so X: da tiep nhan' });
  assert.match(String(sent.messageId), /^log-/);
  assert.deepEqual(logged, [{ to: '*******678', text: 'Ho so X: da tiep nhan' }]);
  await assert.rejects(
    sms.send({ to: 'not a phone', subject: '', text: 'x' }),
    (error: unknown) => error instanceof DeliveryError && error.isPermanent,
  );
});
