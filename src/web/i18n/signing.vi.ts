// Vietnamese messages: Signature requests, signing queue, seal, public verification (issue 5). Keys are prefixed by their area.
export const signingVi = {} as const;
