// SMS through a provider adapter (issue 7 §6). Providers (brandname SMS gateways) differ in API; each is a
// driver behind SmsDriver. The development driver writes the message to the server log instead of sending.
import { DeliveryError, type NotificationChannel } from './notification-channel.ts';

export interface SmsDriver {
  /** Sends one text to one phone number; resolves with the provider's id, throws DeliveryError. */
  send(phone: string, text: string): Promise<{ readonly messageId: string | null }>;
}

/** The phone with all but its last three digits hidden, for logs. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 3 ? '***' : `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`;
}

/** DEVELOPMENT: logs the text (the number masked) and reports it sent. */
export function createLogSmsDriver(log: (entry: { to: string; text: string }) => void): SmsDriver {
  let n = 0;
  return {
    async send(phone, text) {
      log({ to: maskPhone(phone), text });
      n += 1;
      return { messageId: `log-${Date.now()}-${n}` };
    },
  };
}

export function createSmsChannel(driver: SmsDriver): NotificationChannel {
  return {
    name: 'sms',
    async send(message) {
      const phone = message.to.replace(/[\s.-]/g, '');
      if (!/^\+?\d{9,15}$/.test(phone)) {
        throw new DeliveryError('SMS: not a phone number', { isPermanent: true });
      }
      return driver.send(phone, message.text);
    },
  };
}
