// Vietnamese messages: Audit history on dossier pages, offline proofs (issue 4). Keys are prefixed by their area.
export const auditVi = {} as const;
