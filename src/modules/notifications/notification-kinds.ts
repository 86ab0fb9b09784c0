// Which dossier changes the citizen hears about (issue 7 §6): received, refused, supplement needed, result
// ready, result returned, and late with the new date (the BM.04 extension calls it with kind 'late').
import type { DossierStatus } from '../dossiers/dossier-status.ts';

export const NOTIFICATION_KINDS = [
  'received',
  'refused',
  'supplement',
  'result_ready',
  'returned',
  'late',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/** The statuses whose arrival notifies the citizen, and the message each sends. */
export const STATUS_NOTIFICATIONS: Partial<Record<DossierStatus, NotificationKind>> = {
  2: 'received',
  3: 'refused',
  5: 'supplement',
  9: 'result_ready',
  10: 'returned',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
