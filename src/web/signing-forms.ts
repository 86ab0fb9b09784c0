// Form plumbing shared by the signing pages (issue 5 §4): reading urlencoded/multipart fields, and which
// errors a signing form shows on its own page (with their status) rather than on the error page.
export type Body = Record<string, unknown>;

export const text = (value: unknown, max = 500) =>
  typeof value === 'string' ? value.slice(0, max) : undefined;

/** Errors a signing form shows on the page it came from, with its status; others go to the error page. */
export const FORM_PROBLEMS = new Set([
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'INVALID_STATE',
  'ACCOUNT_LOCKED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
]);
