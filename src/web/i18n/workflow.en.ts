import type { workflowVi } from './workflow.vi.ts';

// English messages: Dossier processing: assignment, hand-over, supplements, results, certified copies (issue 7).
export const workflowEn = {} as const satisfies Record<keyof typeof workflowVi, string>;
