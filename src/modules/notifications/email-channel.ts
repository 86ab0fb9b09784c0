// E-mail through SMTP with nodemailer (issue 7 §6). SMTP_URL names the relay (smtp:// with STARTTLS when
// the server offers it, smtps:// for implicit TLS, credentials in the URL); SMTP_FROM the sender.
import nodemailer from 'nodemailer';
import { DeliveryError, type NotificationChannel } from './notification-channel.ts';

export function createEmailChannel(options: { smtpUrl: string; from: string }): NotificationChannel {
  const transport = nodemailer.createTransport(options.smtpUrl, {
    from: options.from,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    name: 'email',
    async send(message) {
      try {
        const info = await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        // RFC 5321 §4.2.1: 5yz is a permanent negative reply, 4yz a transient one.
        const isPermanent = typeof code === 'number' && code >= 500 && code < 600;
        const detail = error instanceof Error ? error.message : String(error);
        throw new DeliveryError(`SMTP: ${detail}`.slice(0, 500), { isPermanent, cause: error });
      }
    },
    close() {
      transport.close();
    },
  };
}
