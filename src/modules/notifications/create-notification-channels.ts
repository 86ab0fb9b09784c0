import type { NotificationConfig } from '../../config.ts';
import { createEmailChannel } from './email-channel.ts';
import type { NotificationChannel } from './notification-channel.ts';
import type { NotificationChannelName } from './notification-kinds.ts';
import { createLogSmsDriver, createSmsChannel } from './sms-channel.ts';

/** The channels the configuration turns on: e-mail with SMTP_URL, SMS unless SMS_DRIVER=off. */
export function createNotificationChannels(
  config: NotificationConfig,
  log: { info: (entry: object, message: string) => void },
): Map<NotificationChannelName, NotificationChannel> {
  const channels = new Map<NotificationChannelName, NotificationChannel>();
  if (config.smtpUrl && config.smtpFrom) {
    channels.set('email', createEmailChannel({ smtpUrl: config.smtpUrl, from: config.smtpFrom }));
  }
  if (config.smsDriver === 'log') {
    channels.set(
      'sms',
      createSmsChannel(createLogSmsDriver((entry) => log.info(entry, 'SMS (log driver, not sent)'))),
    );
  }
  return channels;
}
