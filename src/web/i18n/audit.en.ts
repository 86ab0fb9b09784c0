import type { auditVi } from './audit.vi.ts';

// English messages: Audit history on dossier pages, offline proofs (issue 4).
export const auditEn = {} as const satisfies Record<keyof typeof auditVi, string>;
