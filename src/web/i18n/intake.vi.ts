// Vietnamese messages: Online submission, drafts, kiosk (issue 6). Keys are prefixed by their area.
export const intakeVi = {} as const;
