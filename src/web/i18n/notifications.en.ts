import type { notificationsVi } from './notifications.vi.ts';

// English messages: Citizen notifications and one-stop-shop statistics (issue 7).
export const notificationsEn = {} as const satisfies Record<keyof typeof notificationsVi, string>;
