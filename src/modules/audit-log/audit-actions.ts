// The closed list of audit actions. Every state change in every module appends exactly one of these in
// the same transaction as the change (issue 4); each line says when it happens.
export const AUDIT_ACTIONS = {
  /** A unit was created in the organisation tree (demo seed or administrator). */
  'organisation.unit_created': 'unit',
  /** A staff account was created by a unit administrator (or the demo seed). */
  'identity.staff_created': 'staff',
  /** A role on a unit was granted to a staff member. */
  'identity.role_granted': 'staff',
  /** A role on a unit was taken away from a staff member. */
  'identity.role_revoked': 'staff',
  /** An administrator disabled a staff account (its sessions and tokens end). */
  'identity.staff_disabled': 'staff',
  /** An administrator enabled a disabled staff account again. */
  'identity.staff_enabled': 'staff',
  /** An administrator set a new password for a staff member (sessions end). */
  'identity.password_reset': 'staff',
  /** An administrator lifted a sign-in lockout. */
  'identity.lockout_cleared': 'staff',
  /** A staff member signed in to the pages (a session began). */
  'identity.signed_in': 'staff',
  /** A staff member signed out (a session ended). */
  'identity.signed_out': 'staff',
  /** A wrong password for an existing account. */
  'identity.sign_in_failed': 'staff',
  /** The fifth wrong password in a row locked the account. */
  'identity.account_locked': 'staff',
  /** A bearer token was issued to an API client. */
  'identity.token_issued': 'staff',
  // Citizen sign-in with OpenID Connect (issue 6 §3 "Online"), src/modules/citizen-identity.
  /** A citizen signed in for the first time: their record was created from the provider's claims. */
  'citizen.registered': 'citizen',
  /** A citizen signed in with OpenID Connect (a citizen session began); their record was refreshed. */
  'citizen.signed_in': 'citizen',
  /** A citizen signed out (their session ended). */
  'citizen.signed_out': 'citizen',
  /** A sign-in callback was refused (wrong state, replay, forged or expired token, provider error). */
  'citizen.sign_in_refused': 'citizen',
  // Working calendar (issue 6 §2)
  /** A province administrator entered or replaced the official holiday table of a year (or the demo seed). */
  'calendar.holiday_table_set': 'holiday_table',
  /** An administrator removed a unit's official holiday table of a year (defaults or the table above apply). */
  'calendar.holiday_table_deleted': 'holiday_table',
  /** An administrator set a unit's office hours (inherited by the units below). */
  'calendar.office_hours_set': 'unit',
  /** An administrator cleared a unit's own office hours (it inherits from above, or the defaults apply). */
  'calendar.office_hours_cleared': 'unit',
  // Procedure catalogue (issue 6 §1)
  /** A province defined a new procedure (its version 1). */
  'catalogue.procedure_created': 'procedure',
  /** A province added a version of a procedure, in force from a date. */
  'catalogue.procedure_version_added': 'procedure',
  /** A commune or ward began providing a province procedure from a date (with or without adjustments). */
  'catalogue.procedure_adopted': 'procedure',
  /** A commune or ward changed its adjustments (fees, step budgets, note) from a date. */
  'catalogue.adoption_adjusted': 'procedure',
  /** A commune or ward stopped providing a procedure from a date. */
  'catalogue.procedure_withdrawn': 'procedure',
  // Certificates and remote signing (issue 5), src/modules/signing.
  /** The development PKI (root, issuing CA, TSA, OCSP responder) was created on first start. */
  'signing.pki_created': 'authority',
  /** An administrator imported an external CA chain (a real government CA replacing the demo one). */
  'signing.authority_imported': 'authority',
  /** A certificate and server-held key were issued to an official (personal) or a unit (seal). */
  'signing.credential_issued': 'credential',
  /** An administrator imported a PKCS#12 credential (its key re-wrapped under KEK + PIN). */
  'signing.credential_imported': 'credential',
  /** A credential was renewed: a new key and certificate replace it (the old one is superseded). */
  'signing.credential_renewed': 'credential',
  /** An administrator revoked a credential (it appears on the CRL and OCSP answers revoked). */
  'signing.credential_revoked': 'credential',
  /** An administrator unlocked a credential locked by wrong PINs. */
  'signing.credential_unlocked': 'credential',
  /** The holder changed the credential's PIN. */
  'signing.pin_changed': 'credential',
  /** A wrong PIN was given for a credential. */
  'signing.pin_failed': 'credential',
  /** The fifth wrong PIN in a row locked the credential until an administrator unlocks it. */
  'signing.credential_locked': 'credential',
  /** A staff member enrolled (or re-enrolled) a TOTP second factor; not usable until confirmed. */
  'signing.totp_enrolled': 'staff',
  /** A staff member confirmed their TOTP enrolment with a first valid code. */
  'signing.totp_confirmed': 'staff',
  /** The holder authorised signatures (PIN + OTP): a SAD bound to the listed hashes was issued. */
  'signing.authorized': 'credential',
  /** An authorisation was refused (wrong OTP, locked or revoked credential). */
  'signing.authorization_refused': 'credential',
  /** Hashes were signed with a credential under a SAD (signHash). */
  'signing.hashes_signed': 'credential',
  // Dossier intake (issue 6 §3); the event holds the record's digest, never the applicant's personal data.
  /** A receptionist (page or API) received a dossier: it got its code, due date and status 2. */
  'dossier.received': 'dossier',
  /** A receptionist refused to receive a dossier (BM.03) with reasons: status 3. */
  'dossier.refused': 'dossier',
  // Citizen notifications (issue 7 §6), src/modules/notifications; queued rows ride on the dossier's event.
  /** The worker handed a citizen's message to its channel (SMTP relay accepted it, SMS provider took it). */
  'notification.sent': 'notification',
  /** A message was given up: refused for good by the channel, or still failing after the last attempt. */
  'notification.failed': 'notification',
  /** A message was not sent because its channel (SMTP, SMS) is not configured on this server. */
  'notification.skipped': 'notification',
  /** A staff member queued a failed or skipped message again (a fresh round of attempts). */
  'notification.resend_requested': 'notification',
  /** Dossiers handled before xaso (an older system, the demo's past months) were imported in bulk into a unit. */
  'dossier.history_imported': 'unit',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
