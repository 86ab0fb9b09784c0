import type { NotificationChannelName } from './notification-kinds.ts';

/** One message to one recipient, already rendered for the channel. */
export interface OutgoingMessage {
  readonly to: string;
  /** E-mail subject; SMS channels ignore it. */
  readonly subject: string;
  readonly text: string;
}

/** A way to reach citizens (SMTP e-mail, an SMS provider); the worker knows nothing of how. */
export interface NotificationChannel {
  readonly name: NotificationChannelName;
  /** Resolves with the channel's message id once the channel accepted the message; throws DeliveryError. */
  send(message: OutgoingMessage): Promise<{ readonly messageId: string | null }>;
  close?(): void;
}

/**
 * A delivery that did not go through. Permanent ones (the server refused the recipient for good, SMTP 5xx)
 * are not retried; the rest (connection refused, timeouts, SMTP 4xx) are, with backoff, up to the maximum.
 */
export class DeliveryError extends Error {
  readonly isPermanent: boolean;
  constructor(message: string, options: { isPermanent: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.isPermanent = options.isPermanent;
  }
}
