import type { intakeVi } from './intake.vi.ts';

// English messages: Online submission, drafts, kiosk (issue 6).
export const intakeEn = {} as const satisfies Record<keyof typeof intakeVi, string>;
