// Vietnamese messages: Citizen notifications and one-stop-shop statistics (issue 7). Keys are prefixed by their area.
export const notificationsVi = {} as const;
