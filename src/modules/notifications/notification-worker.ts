// Runs the notification delivery in the background of the server process (started by main.ts beside the
// audit integrator): a pass every `intervalMs`, at once again while passes come back full.
import type { Db } from '../../database.ts';
import {
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  type DeliveryRunResult,
  deliverNotifications,
} from './deliver-notifications.ts';
import type { NotificationChannel } from './notification-channel.ts';
import type { NotificationChannelName } from './notification-kinds.ts';

export interface NotificationWorker {
  /** Runs one pass now (after the one under way, if any) and waits for it. */
  runNow(): Promise<DeliveryRunResult>;
  /** Stops the timer, waits for a pass in progress and closes the channels. */
  stop(): Promise<void>;
}

export function startNotificationWorker(options: {
  db: Db;
  channels: ReadonlyMap<NotificationChannelName, NotificationChannel>;
  publicUrl: string;
  policy?: DeliveryPolicy;
  intervalMs?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}): NotificationWorker {
  const intervalMs = options.intervalMs ?? 2000;
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  let running: Promise<DeliveryRunResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const pass = (): Promise<DeliveryRunResult> => {
    running ??= deliverNotifications({
      db: options.db,
      channels: options.channels,
      publicUrl: options.publicUrl,
      policy,
      ...(options.now ? { now: options.now } : {}),
    }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const schedule = (delayMs: number) => {
    if (isStopped) {
      return;
    }
    timer = setTimeout(() => {
      pass().then(
        (result) => schedule(result.claimed >= policy.batchSize ? 0 : intervalMs),
        (error: unknown) => {
          options.onError?.(error);
          schedule(intervalMs);
        },
      );
    }, delayMs);
    timer.unref();
  };
  schedule(intervalMs);

  return {
    async runNow() {
      await running?.catch(() => undefined);
      return pass();
    },
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      for (const channel of options.channels.values()) {
        channel.close?.();
      }
    },
  };
}
