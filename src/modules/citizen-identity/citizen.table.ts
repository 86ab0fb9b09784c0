import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * A citizen who signed in with OpenID Connect, keyed by the issuer and its `sub` (OIDC Core §2: the pair
 * is the stable identifier). Personal data is kept minimal (Law 91/2025): name, personal identifier
 * number, phone, e-mail, refreshed from the provider at each sign-in.
 */
export interface CitizenTable {
  id: Generated<string>;
  issuer: string;
  subject: string;
  full_name: string;
  /** Số định danh cá nhân: 12 digits, as asserted by the provider; null when it sent none. */
  personal_identifier: string | null;
  phone: string | null;
  email: string | null;
  created_at: ColumnType<Date, never, never>;
  last_signed_in_at: Date;
}

/** Citizen page sessions (cookie `xaso_citizen`); only the SHA-256 of the cookie is stored. */
export interface CitizenSessionTable {
  id_hash: string;
  citizen_id: string;
  created_at: ColumnType<Date, never, never>;
  /** Sliding: 30 minutes without use end the session. */
  idle_expires_at: Date;
  expires_at: Date;
  ended_at: Date | null;
}

/**
 * A sign-in under way: the state, nonce and PKCE verifier sent to the provider, bound to the browser by the
 * SHA-256 of a short-lived cookie. Consumed once by the callback, so a replayed callback is refused.
 */
export interface CitizenSignInTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  /** The local page to show after sign-in (e.g. the online submission form, or the kiosk). */
  return_to: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  consumed_at: Date | null;
}

export type Citizen = Selectable<CitizenTable>;
export type CitizenSignIn = Selectable<CitizenSignInTable>;

export interface CitizenIdentityTables {
  citizens: CitizenTable;
  citizen_sessions: CitizenSessionTable;
  citizen_sign_ins: CitizenSignInTable;
}
