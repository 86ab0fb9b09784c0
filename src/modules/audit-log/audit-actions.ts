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
  // Staff reads of personal data (issue 4 §1), src/modules/dossiers/record-dossier-view.ts: no personal data
  // in the event, only the dossier's id and code and what was opened (page, receipt, receipt PDF).
  /** A staff member opened a citizen's dossier page or its receipt (BM.01). Citizens' own views are not logged. */
  'dossier.viewed': 'dossier',
  // Staff reads of registers and lists naming applicants (issue 4 §1), src/modules/dossiers/record-register-view.ts:
  // the subject is the register ('results', 'certifications', 'tracking', 'online-awaiting', 'work-queue');
  // the details carry the filter asked for, the codes of the dossiers listed and their count, no names.
  /** A staff member opened a register or list showing applicants (one event per unit whose dossiers it showed). */
  'register.viewed': 'register',
  // The log's own configuration and development-only keys (issue 4 coverage, test/audit-coverage/).
  /** An operator registered a witness, or replaced the URL and key of one (`xaso audit witness add`). */
  'audit.witness_added': 'witness',
  /** The bundled development OpenID provider generated its ID-token signing key (first start only). */
  'dev_oidc.key_created': 'dev_oidc_key',
  // Signature requests and signing in the product (issue 5 §4), src/modules/signature-requests.
  /** A signature request was made: a PDF to be signed by a leader (then sealed by a clerk). */
  'signature_request.created': 'signature_request',
  /** The leader signed the request's PDF (PAdES B-T with PIN + OTP); it awaits the seal or is completed. */
  'signature_request.signed': 'signature_request',
  /** A clerk applied the unit's seal signature: the request is completed. */
  'signature_request.sealed': 'signature_request',
  /** The leader declined to sign and returned the request with a reason. */
  'signature_request.returned': 'signature_request',
  /** The request was cancelled before it was completed. */
  'signature_request.cancelled': 'signature_request',
  /** A unit administrator removed a signer's TOTP authenticator (lost phone); they must enrol again. */
  'signing.totp_reset': 'staff',
  // Online submission and its acceptance (issue 6 §3 "Online", intake area); no personal data in details.
  /** A citizen saved (created or updated) a draft of an online dossier, with its scans. */
  'dossier.draft_saved': 'dossier_draft',
  /** A citizen deleted a draft (a submitted draft goes with `dossier.submitted`, which names it). */
  'dossier.draft_deleted': 'dossier_draft',
  /** A citizen submitted a dossier online (or at a kiosk): it got its code and status 1, awaiting acceptance. */
  'dossier.submitted': 'dossier',
  /** A receptionist accepted an online dossier: status 1 → 2, due date computed from the acceptance. */
  'dossier.accepted': 'dossier',
  // Dossier processing (issue 7 §1, §4, §5), src/modules/workflow; details carry codes and ids, no personal data.
  /** A dossier was assigned to a person or a role queue within its current step. */
  'workflow.assigned': 'dossier',
  /** A dossier was handed over to another step or unit (a BM.05 row). */
  'workflow.handed_over': 'dossier',
  /** The receiver of a hand-over took the dossier (the BM.05 row's received time). */
  'workflow.claimed': 'dossier',
  /** A specialist started processing a received dossier (2 → 4). */
  'workflow.started': 'dossier',
  /** A staff member commented on a dossier. */
  'workflow.commented': 'dossier',
  /** A supplement was requested with a BM.02 slip (→ 5); the clock stops if the procedure allows it. */
  'workflow.supplement_requested': 'dossier',
  /** The applicant supplied what was missing, at the counter or online (5 → 4); the due date moved. */
  'workflow.supplied': 'dossier',
  /** The dossier was refused during processing, with reasons (→ 3). */
  'workflow.refused': 'dossier',
  /** The applicant withdrew the dossier (→ 7). */
  'workflow.withdrawn': 'dossier',
  /** Processing was stopped (→ 8). */
  'workflow.stopped': 'dossier',
  /** A financial obligation was notified to the applicant (4 → 6). */
  'workflow.payment_requested': 'dossier',
  /** The financial obligation was paid (6 → 4). */
  'workflow.payment_recorded': 'dossier',
  /** A result PDF was uploaded (it replaces any earlier one and clears an approval). */
  'workflow.result_uploaded': 'dossier',
  /** The leader approved the result. */
  'workflow.approved': 'dossier',
  /** Processing finished (4 → 9) with its outcome early / on time / late. */
  'workflow.processed': 'dossier',
  /** The result was returned to the applicant (9 → 10). */
  'workflow.result_returned': 'dossier',
  /** The dossier was referred to a higher level with a guidance slip and closed (→ 8). */
  'workflow.referred': 'dossier',
  /** The one extension was granted with an apology slip (BM.04); the due date moved. */
  'workflow.extended': 'dossier',
  /** A unit administrator set the warning threshold before due dates. */
  'workflow.settings_set': 'unit',
  /** A unit administrator stored a procedure's result template (the province default or a commune's own). */
  'workflow.result_template_set': 'procedure',
  // Certification (issue 7 §3), src/modules/certification; details carry numbers and ids, no personal data.
  /** An officer certified a paper: register number assigned, the certified PDF sent for signature. */
  'certification.created': 'certification',
  /** The certified PDF was signed and sealed: the register entry is complete, the dossier processed (→ 9). */
  'certification.completed': 'certification',
  /** The officer extended a certification by at most 2 working days (many papers, complex content). */
  'certification.extended': 'dossier',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * Actions that record a read, not a change: history pages collapse them so that the decisive events
 * (received, status changes) are never pushed out by many views.
 */
export const READ_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'dossier.viewed',
  'register.viewed',
]);
