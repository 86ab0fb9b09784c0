import type { signingVi } from './signing.vi.ts';

// English messages: Signature requests, signing queue, seal, public verification (issue 5).
export const signingEn = {} as const satisfies Record<keyof typeof signingVi, string>;
