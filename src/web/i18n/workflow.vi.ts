// Vietnamese messages: Dossier processing: assignment, hand-over, supplements, results, certified copies (issue 7). Keys are prefixed by their area.
export const workflowVi = {} as const;
